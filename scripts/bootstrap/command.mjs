/**
 * One-shot commands (npm install, prisma, seed, vite, eslint, tsc, jest). They run in our process group,
 * so a terminal Ctrl-C reaches them directly; a SIGTERM to the bootstrap alone reaches them through
 * stopRunningCommands() when the shutdown runs.
 */
import { spawn } from 'node:child_process';
import { repoRoot } from './settings.mjs';

/** @type {Set<import('node:child_process').ChildProcess>} */
const running = new Set();

/**
 * @typedef {object} CommandOptions
 * @property {NodeJS.ProcessEnv} [env]
 * @property {'inherit' | 'capture'} [output] inherit prints as it goes; capture keeps stdout+stderr for the caller
 * @property {string} [input] written to the command's stdin
 */

/**
 * @param {string} command
 * @param {string[]} args
 * @param {CommandOptions} [options]
 * @returns {Promise<{ code: number, output: string }>}
 */
export function runCommand(command, args, { env = process.env, output = 'inherit', input } = {}) {
  return new Promise((resolveResult, reject) => {
    const child = spawn(command, args, {
      cwd: repoRoot,
      env,
      stdio: [
        input === undefined ? 'ignore' : 'pipe',
        output === 'inherit' ? 'inherit' : 'pipe',
        output === 'inherit' ? 'inherit' : 'pipe',
      ],
    });
    running.add(child);
    let captured = '';
    child.stdout?.on('data', (chunk) => (captured += String(chunk)));
    child.stderr?.on('data', (chunk) => (captured += String(chunk)));
    if (input !== undefined) child.stdin?.end(input);
    child.once('error', (error) => {
      running.delete(child);
      reject(new Error(`cannot run ${command}: ${error.message}`));
    });
    child.once('close', (code, signal) => {
      running.delete(child);
      resolveResult({ code: code ?? (signal ? 128 : 1), output: captured });
    });
  });
}

/**
 * Runs a command that must succeed; on failure the error carries the command's last output lines.
 * @param {string} label
 * @param {string} command
 * @param {string[]} args
 * @param {CommandOptions} [options]
 */
export async function runOrThrow(label, command, args, options = {}) {
  const { code, output } = await runCommand(command, args, options);
  if (code !== 0) {
    const tail = output.trim().split('\n').slice(-30).join('\n');
    throw new Error(`${label} failed (exit code ${code})${tail ? `:\n${tail}` : ''}`);
  }
  return output;
}

export function stopRunningCommands() {
  for (const child of running) child.kill('SIGTERM');
}

/** Tools installed in node_modules/.bin, called directly (npx would add its own resolution and prompts). */
export function localBin(/** @type {string} */ name) {
  return `${repoRoot}/node_modules/.bin/${name}`;
}
