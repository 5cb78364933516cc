/**
 * The `temporal` CLI that runs the dev server. No prebuilt binary can be downloaded on our machines, so
 * when it is not installed we build it from the Go module proxy (minutes the first time; Go's caches make
 * later builds quick).
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { runCommand, runOrThrow } from './command.mjs';
import { say } from './output.mjs';

const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal';

function isExecutable(/** @type {string} */ file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(/** @type {string} */ name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** Where `go install` puts binaries: GOBIN, else the first GOPATH entry's bin. */
async function goInstallDir() {
  const { code, output } = await runCommand('go', ['env', 'GOBIN', 'GOPATH'], { output: 'capture' });
  if (code !== 0) return undefined;
  const [gobin, gopath] = output.split('\n').map((line) => line.trim());
  if (gobin) return gobin;
  const firstGopath = gopath?.split(delimiter)[0];
  return firstGopath ? join(firstGopath, 'bin') : undefined;
}

/**
 * @param {{ temporalCliPath?: string, temporalCliVersion: string }} settings
 * @returns {Promise<string>} path of a runnable `temporal` binary
 */
export async function findOrBuildTemporalCli({ temporalCliPath, temporalCliVersion }) {
  if (temporalCliPath) {
    if (!isExecutable(temporalCliPath)) throw new Error(`TEMPORAL_CLI=${temporalCliPath} is not an executable file`);
    return temporalCliPath;
  }
  const fromPath = onPath('temporal');
  if (fromPath) return fromPath;
  if (!onPath('go')) {
    throw new Error(
      'the Temporal CLI is not installed and Go is not available to build it: install `temporal` (or Go) and run again, or set TEMPORAL_CLI to its path',
    );
  }
  const installDir = await goInstallDir();
  const installed = installDir && join(installDir, 'temporal');
  if (installed && existsSync(installed) && isExecutable(installed)) return installed;

  const target = `${TEMPORAL_CLI_MODULE}@${temporalCliVersion}`;
  say(`building the Temporal CLI: go install ${target}`);
  say('the first build takes several minutes (later runs reuse it)');
  const started = performance.now();
  await runOrThrow('go install of the Temporal CLI', 'go', ['install', target]);
  say(`Temporal CLI built in ${Math.round((performance.now() - started) / 1000)}s`);
  if (!installed || !isExecutable(installed)) throw new Error(`go install finished but ${installed ?? 'its output'} is not there`);
  return installed;
}
