/**
 * One `dev` (or `test`) per state directory: a second one would take the first one's processes for
 * leftovers of a crashed run and stop them. The lock is a pid file checked against the live process list,
 * so a run killed with SIGKILL does not lock anyone out.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { isAlive } from './processes.mjs';

/**
 * @param {string} lockFile
 * @param {string} command what the user ran, for the message
 */
export function claimSingleInstance(lockFile, command) {
  let holder = NaN;
  try {
    holder = Number(readFileSync(lockFile, 'utf8').trim());
  } catch {
    // no lock yet
  }
  if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder) && commandLineMentionsRunner(holder)) {
    throw new Error(
      `${command} is already running from this directory (pid ${holder}): stop it first, or set BOOTSTRAP_DEV_DIR and other ports for a second stack`,
    );
  }
  mkdirSync(dirname(lockFile), { recursive: true });
  writeFileSync(lockFile, String(process.pid));
  process.on('exit', () => {
    try {
      if (readFileSync(lockFile, 'utf8').trim() === String(process.pid)) rmSync(lockFile);
    } catch {
      // already gone
    }
  });
}

function commandLineMentionsRunner(/** @type {number} */ pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('run.mjs');
  } catch {
    return true; // no /proc (macOS): trust the pid file
  }
}
