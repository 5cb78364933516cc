/**
 * One orderly way out. Every resource registers how to undo itself when it comes up; the shutdown undoes
 * them last-in-first-out (the API and worker stop before Temporal and PostgreSQL go), then exits. Ctrl-C and
 * SIGTERM trigger it; a second signal while stopping exits at once (process 'exit' hooks still kill the
 * children's process groups).
 */
import { stopRunningCommands } from './command.mjs';
import { fail, say, warn } from './output.mjs';

/** @type {{ label: string, undo: () => Promise<void> | void }[]} */
const undoSteps = [];
/** @type {Promise<never> | undefined} */
let stopping;

/**
 * @param {string} label
 * @param {() => Promise<void> | void} undo
 */
export function onShutdown(label, undo) {
  undoSteps.push({ label, undo });
}

export function isShuttingDown() {
  return stopping !== undefined;
}

/**
 * @param {number} exitCode
 * @returns {Promise<never>}
 */
export function shutdown(exitCode) {
  stopping ??= (async () => {
    stopRunningCommands();
    for (const { label, undo } of undoSteps.reverse()) {
      try {
        await undo();
      } catch (error) {
        warn(`stopping ${label} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    process.exit(exitCode);
  })();
  return stopping;
}

/** @param {{ exitCode: number }} options the exit code after a requested stop */
export function handleStopSignals({ exitCode }) {
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    process.on(signal, () => {
      if (isShuttingDown()) {
        warn(`${signal} again: exiting without waiting`);
        process.exit(1);
      }
      say(`${signal}: stopping everything this run started`);
      void shutdown(exitCode);
    });
  }
}

/**
 * Fails the run: prints why and shuts down with a non-zero exit code.
 * @param {unknown} error
 */
export function abort(error, exitCode = 1) {
  fail(error instanceof Error ? error.message : String(error));
  return shutdown(exitCode);
}
