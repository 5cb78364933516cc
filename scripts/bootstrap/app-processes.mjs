/**
 * Our own processes (ARCHITECTURE.md): every one whose entry file exists is started with tsx, with the
 * environment the bootstrap resolved, and is ready when it answers: api and sandbox on /healthz, the
 * worker once it polls its task queue on Temporal.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { localBin } from './command.mjs';
import { say } from './output.mjs';
import { answersOk, reachableHost, waitUntil } from './ports.mjs';
import { repoRoot } from './settings.mjs';
import { onShutdown } from './shutdown.mjs';
import { workerIsPolling } from './temporal-server.mjs';

/**
 * @typedef {object} AppProcess
 * @property {string} name
 * @property {string} entry
 * @property {() => Promise<boolean>} isReady
 */

/** @type {AppProcess[]} */
const appProcesses = [
  {
    name: 'sandbox',
    entry: 'channels/sandbox/main.ts',
    isReady: () => answersOk(`http://127.0.0.1:${process.env.SANDBOX_PORT}/healthz`),
  },
  {
    name: 'worker',
    entry: 'worker/main.ts',
    isReady: () =>
      workerIsPolling(
        /** @type {string} */ (process.env.TEMPORAL_ADDRESS),
        /** @type {string} */ (process.env.TEMPORAL_NAMESPACE),
        /** @type {string} */ (process.env.TEMPORAL_TASK_QUEUE),
      ),
  },
  {
    name: 'api',
    entry: 'api/main.ts',
    isReady: () => answersOk(`http://${reachableHost(/** @type {string} */ (process.env.API_HOST))}:${process.env.API_PORT}/healthz`),
  },
];

/**
 * @param {{ supervisor: import('./processes.mjs').Supervisor, settings: import('./settings.mjs').BootstrapSettings, logDir?: string }} options
 *   logDir: write each process's output to <logDir>/<name>.log instead of our terminal
 * @returns {Promise<string[]>} names of the processes started
 */
export async function startAppProcesses({ supervisor, settings, logDir }) {
  const present = appProcesses.filter(({ entry }) => existsSync(join(repoRoot, entry)));
  for (const { name, entry } of appProcesses) if (!present.some((app) => app.name === name)) say(`${name}: not started (no ${entry} yet)`);
  await Promise.all(
    present.map(async ({ name }) => {
      const leftoverPid = supervisor.leftover(name);
      if (leftoverPid !== undefined && (await supervisor.stopLeftover(name)))
        say(`${name}: stopped the copy an earlier run left running (pid ${leftoverPid})`);
    }),
  );
  const names = present.map(({ name }) => name);
  onShutdown(names.join(', '), () => supervisor.stop(names));
  const started = present.map((app) => ({
    app,
    child: supervisor.start({
      name: app.name,
      command: localBin('tsx'),
      args: [app.entry],
      env: process.env,
      marker: app.entry,
      logFile: logDir && join(logDir, `${app.name}.log`),
    }),
  }));
  await Promise.all(
    started.map(({ app, child }) =>
      waitUntil(`${app.name} (${app.entry})`, app.isReady, {
        timeoutMs: settings.processReadyTimeoutMs,
        intervalMs: 300,
        giveUpIf: () => (child.exited ? `it ${child.exitDescription}${child.logFile ? `; see ${child.logFile}` : ''}` : undefined),
      }),
    ),
  );
  return names;
}
