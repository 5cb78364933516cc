/**
 * Go binaries the bootstrap builds from the Go module proxy when they are missing (the Temporal CLI for the
 * dev server, the Temporal server and its SQL tool for cluster mode). Every build uses the machine's own
 * module and build caches (GOMODCACHE, GOCACHE are never overridden), so the CLI build and the server
 * build share what they have in common and later builds are quick.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { runCommand, runOrThrow } from './command.mjs';
import { say } from './output.mjs';

export function isExecutable(/** @type {string} */ file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** @returns {string | undefined} the first executable `name` on PATH */
export function onPath(/** @type {string} */ name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/**
 * `go env` values, or undefined when there is no Go toolchain.
 * @param {string[]} names
 * @returns {Promise<string[] | undefined>}
 */
export async function goEnv(names) {
  if (!onPath('go')) return undefined;
  const { code, output } = await runCommand('go', ['env', ...names], { output: 'capture' });
  if (code !== 0) return undefined;
  return output.split('\n').map((line) => line.trim());
}

/** Where `go install` puts binaries: GOBIN, else the first GOPATH entry's bin. */
export async function goInstallDir() {
  const [gobin, gopath] = (await goEnv(['GOBIN', 'GOPATH'])) ?? [];
  if (gobin) return gobin;
  const firstGopath = gopath?.split(delimiter)[0];
  return firstGopath ? join(firstGopath, 'bin') : undefined;
}

/**
 * `go install <target>`, printing what it does and how long it took.
 * @param {{ what: string, target: string, binDir?: string, expect: string }} build
 *   binDir: GOBIN for this build only (a versioned directory), expect: the binary it must leave behind
 */
export async function goInstall({ what, target, binDir, expect }) {
  say(`building ${what}: ${binDir ? `GOBIN=${binDir} ` : ''}go install ${target}`);
  const started = performance.now();
  await runOrThrow(`go install of ${what}`, 'go', ['install', target], { env: binDir ? { ...process.env, GOBIN: binDir } : process.env });
  say(`${what} built in ${Math.round((performance.now() - started) / 1000)}s`);
  if (!isExecutable(expect)) throw new Error(`go install finished but ${expect} is not there`);
  return expect;
}

/**
 * The directory of a Go module version in the module cache, downloading it when missing (quick once a
 * build of it has run).
 * @param {string} moduleAtVersion e.g. go.temporal.io/server@v1.29.1
 */
export async function goModuleDir(moduleAtVersion) {
  const output = await runOrThrow(`go mod download ${moduleAtVersion}`, 'go', ['mod', 'download', '-json', moduleAtVersion], {
    output: 'capture',
  });
  const { Dir: dir } = JSON.parse(output);
  if (typeof dir !== 'string' || dir === '') throw new Error(`go mod download ${moduleAtVersion} named no directory`);
  return dir;
}
