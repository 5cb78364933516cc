/**
 * npm dependencies: installed when node_modules is missing or older than package-lock.json (someone
 * pulled a change that added or bumped a package). Everything after this step may load packages.
 */
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { runOrThrow } from './command.mjs';
import { say } from './output.mjs';
import { repoRoot } from './settings.mjs';

function reasonToInstall() {
  // npm writes this file at the end of every successful install.
  const installedLock = join(repoRoot, 'node_modules', '.package-lock.json');
  if (!existsSync(installedLock)) return 'node_modules is missing or incomplete';
  const installedAt = statSync(installedLock).mtimeMs;
  if (statSync(join(repoRoot, 'package-lock.json')).mtimeMs > installedAt) return 'package-lock.json changed since the last install';
  if (statSync(join(repoRoot, 'package.json')).mtimeMs > installedAt) return 'package.json changed since the last install';
  return undefined;
}

/** @returns {Promise<boolean>} whether it installed anything */
export async function ensureDependencies() {
  const reason = reasonToInstall();
  if (!reason) return false;
  say(`installing npm dependencies (${reason}): npm install --no-audit --no-fund`);
  // Under `npm run`, npm tells us which npm it is; use the same one.
  const npmCli = process.env.npm_execpath;
  const [command, prefix] = npmCli?.endsWith('.js') ? [process.execPath, [npmCli]] : ['npm', []];
  await runOrThrow('npm install', command, [...prefix, 'install', '--no-audit', '--no-fund']);
  return true;
}

/** Loads a CommonJS package from the project's node_modules (this script has no dependencies of its own). */
export const requireFromProject = createRequire(join(repoRoot, 'package.json'));
