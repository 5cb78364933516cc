/**
 * Long-running children (Temporal dev server, api, worker, sandbox). Each runs in its own process group,
 * so a terminal Ctrl-C reaches only the bootstrap, which then stops them in order; stopping signals the
 * whole group (tsx and the node it spawns). Their pids are written to a state file: a run that was killed
 * with SIGKILL leaves them behind, and the next run recognises them (by pid and command line) to adopt or
 * stop them instead of failing on busy ports. Nothing else on the machine is ever signalled.
 */
import { spawn, execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { prefixLines } from './output.mjs';
import { isShuttingDown } from './shutdown.mjs';
import { repoRoot } from './settings.mjs';

/**
 * @typedef {object} Supervised
 * @property {string} name
 * @property {number} pid leader of the process group
 * @property {string} marker text its command line contains, to recognise it after a restart
 * @property {boolean} exited
 * @property {string} [exitDescription]
 * @property {boolean} stopping
 * @property {Promise<void>} exit
 * @property {string} [logFile]
 */

export function isAlive(/** @type {number} */ pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

function commandLineOf(/** @type {number} */ pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    try {
      return execFileSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' });
    } catch {
      return '';
    }
  }
}

function signalGroup(/** @type {number} */ pid, /** @type {NodeJS.Signals} */ signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is already gone
  }
}

function signalProcess(/** @type {number} */ pid, /** @type {NodeJS.Signals} */ signal) {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

const sleep = (/** @type {number} */ ms) => new Promise((wake) => setTimeout(wake, ms));

export class Supervisor {
  /** @type {Map<string, Supervised>} */
  #children = new Map();
  /** @type {((child: Supervised) => void)[]} */
  #exitListeners = [];

  /** @param {{ stateFile: string, graceMs: number }} options */
  constructor({ stateFile, graceMs }) {
    this.stateFile = stateFile;
    this.graceMs = graceMs;
    // Last resort if the bootstrap itself dies without its shutdown: take the groups down with it.
    process.on('exit', () => {
      for (const child of this.#children.values()) if (!child.exited) signalGroup(child.pid, 'SIGKILL');
    });
  }

  /**
   * @param {{ name: string, command: string, args: string[], env: NodeJS.ProcessEnv, marker: string, logFile?: string }} spec
   * @returns {Supervised}
   */
  start({ name, command, args, env, marker, logFile }) {
    if (isShuttingDown()) throw new Error(`not starting ${name}: shutting down`);
    const child = spawn(command, args, { cwd: repoRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    if (logFile) {
      mkdirSync(dirname(logFile), { recursive: true });
      const file = createWriteStream(logFile);
      // Both streams feed one file: neither may close it while the other still writes (a Go panic goes to stderr last).
      child.stdout.pipe(file, { end: false });
      child.stderr.pipe(file, { end: false });
      child.once('close', () => file.end());
    } else {
      prefixLines(child.stdout, name);
      prefixLines(child.stderr, name, process.stderr);
    }
    /** @type {Supervised} */
    const supervised = {
      name,
      pid: child.pid ?? -1,
      marker,
      logFile,
      exited: false,
      stopping: false,
      exit: new Promise((resolveExit) => {
        const settle = (/** @type {string} */ description) => {
          if (supervised.exited) return;
          supervised.exited = true;
          supervised.exitDescription = description;
          resolveExit();
          this.#forget(name, supervised.pid);
          if (!supervised.stopping) for (const listener of this.#exitListeners) listener(supervised);
        };
        child.once('error', (error) => settle(`could not start: ${error.message}`));
        child.once('exit', (code, signal) => settle(signal ? `was killed by ${signal}` : `exited with code ${code}`));
      }),
    };
    this.#children.set(name, supervised);
    if (supervised.pid > 0) this.#remember(supervised);
    return supervised;
  }

  /**
   * Takes over a process an earlier run started (recorded in the state file), watching it by polling.
   * @param {string} name
   * @param {number} pid
   * @param {string} marker
   */
  adopt(name, pid, marker) {
    /** @type {Supervised} */
    const supervised = {
      name,
      pid,
      marker,
      exited: false,
      stopping: false,
      exit: (async () => {
        while (isAlive(pid)) await sleep(500);
        supervised.exited = true;
        supervised.exitDescription = 'exited';
        this.#forget(name, pid);
        if (!supervised.stopping) for (const listener of this.#exitListeners) listener(supervised);
      })(),
    };
    this.#children.set(name, supervised);
    return supervised;
  }

  /** @param {(child: Supervised) => void} listener called when a child exits without being asked to */
  onUnexpectedExit(listener) {
    this.#exitListeners.push(listener);
  }

  /**
   * The pid of a process named `name` that an earlier run started and that is still running, if any.
   * @param {string} name
   */
  leftover(name) {
    const recorded = this.#readState()[name];
    if (!recorded || !isAlive(recorded.pid)) return undefined;
    return commandLineOf(recorded.pid).includes(recorded.marker) ? recorded.pid : undefined;
  }

  /** Stops a leftover of an earlier run (see leftover()); returns whether there was one. */
  async stopLeftover(/** @type {string} */ name) {
    const pid = this.leftover(name);
    if (pid === undefined) return false;
    const record = this.#readState()[name];
    await this.#stopGroup(this.adopt(name, pid, record?.marker ?? ''));
    return true;
  }

  /** Stops the named children (all when omitted) in parallel. */
  async stop(/** @type {string[] | undefined} */ names = undefined) {
    const targets = [...this.#children.values()].filter((child) => !names || names.includes(child.name));
    await Promise.all(targets.map((child) => this.#stopGroup(child)));
  }

  /** @param {Supervised} child */
  async #stopGroup(child) {
    child.stopping = true;
    if (!child.exited) {
      // Only the leader: tsx relays the signal to its node child, which would otherwise get it twice and
      // take the second one as "exit now".
      signalProcess(child.pid, 'SIGTERM');
      const leaderExited = await Promise.race([child.exit.then(() => true), sleep(this.graceMs).then(() => false)]);
      if (!leaderExited) signalGroup(child.pid, 'SIGKILL');
      await child.exit;
    }
    // tsx's own child may outlive it for a moment; it is in the same group.
    for (let waited = 0; waited < this.graceMs && isAlive(-child.pid); waited += 100) await sleep(100);
    signalGroup(child.pid, 'SIGKILL');
    this.#forget(child.name, child.pid);
  }

  /** @returns {Record<string, { pid: number, marker: string }>} */
  #readState() {
    if (!existsSync(this.stateFile)) return {};
    try {
      return JSON.parse(readFileSync(this.stateFile, 'utf8'));
    } catch {
      return {};
    }
  }

  /** @param {Supervised} child */
  #remember(child) {
    mkdirSync(dirname(this.stateFile), { recursive: true });
    writeFileSync(
      this.stateFile,
      JSON.stringify({ ...this.#readState(), [child.name]: { pid: child.pid, marker: child.marker } }, null, 2),
    );
  }

  /** Drops the record of `name` unless it already describes a newer process. */
  #forget(/** @type {string} */ name, /** @type {number} */ pid) {
    const state = this.#readState();
    if (state[name]?.pid !== pid) return;
    delete state[name];
    writeFileSync(this.stateFile, JSON.stringify(state, null, 2));
  }
}
