/**
 * Our own processes (ARCHITECTURE.md): every one whose entry file exists is started with tsx's loader in
 * a plain node process (so the pid we supervise is the one doing the work), with the environment the
 * bootstrap resolved, and is ready when it answers: api and sandbox on /healthz, each worker once it polls
 * its task queue on Temporal. `workerProcesses` workers share the task queue: `worker`, `worker-2`, ...
 */
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { say } from './output.mjs';
import { answersOk, reachableHost, waitUntil } from './ports.mjs';
import { repoRoot } from './settings.mjs';
import { onShutdown } from './shutdown.mjs';
import { taskQueuePollers } from './temporal-server.mjs';

/**
 * @typedef {object} AppProcess
 * @property {string} name
 * @property {string} entry
 * @property {(pid: number) => Promise<boolean>} isReady
 * @property {Record<string, string>} [env] variables of this process only, over the shared environment
 */

/** The SDK's default worker identity is `<pid>@<hostname>`: a poller with it is this very process. */
async function workerPolls(/** @type {number} */ pid) {
  const pollers = await taskQueuePollers(
    /** @type {string} */ (process.env.TEMPORAL_ADDRESS),
    /** @type {string} */ (process.env.TEMPORAL_NAMESPACE),
    /** @type {string} */ (process.env.TEMPORAL_TASK_QUEUE),
  );
  return pollers.includes(`${pid}@${hostname()}`);
}

/** Each worker's own metrics port: WORKER_METRICS_PORT (default 9464) for the first, the next ones after it; 0 stays 0 (any free port). */
function workerMetricsPort(/** @type {number} */ index) {
  const base = Number(process.env.WORKER_METRICS_PORT || 9464);
  return String(base === 0 ? 0 : base + index);
}

/** @param {number} workerProcesses @returns {AppProcess[]} */
function appProcesses(workerProcesses) {
  const workers = Array.from({ length: workerProcesses }, (_, index) => ({
    name: index === 0 ? 'worker' : `worker-${index + 1}`,
    entry: 'worker/main.ts',
    isReady: workerPolls,
    env: { WORKER_METRICS_PORT: workerMetricsPort(index) },
  }));
  return [
    {
      name: 'sandbox',
      entry: 'channels/sandbox/main.ts',
      isReady: () => answersOk(`http://127.0.0.1:${process.env.SANDBOX_PORT}/healthz`),
    },
    ...workers,
    {
      name: 'api',
      entry: 'api/main.ts',
      isReady: () => answersOk(`http://${reachableHost(/** @type {string} */ (process.env.API_HOST))}:${process.env.API_PORT}/healthz`),
    },
  ];
}

/** Names a run with `workerProcesses` workers may have left behind, for the leftover check of the next run. */
export function appProcessNames(/** @type {number} */ workerProcesses) {
  return appProcesses(Math.max(workerProcesses, 32)).map(({ name }) => name);
}

/**
 * @param {{ supervisor: import('./processes.mjs').Supervisor, settings: import('./settings.mjs').BootstrapSettings, logDir?: string }} options
 *   logDir: write each process's output to <logDir>/<name>.log instead of our terminal
 * @returns {Promise<string[]>} names of the processes started
 */
export async function startAppProcesses({ supervisor, settings, logDir }) {
  const all = appProcesses(settings.workerProcesses);
  const present = all.filter(({ entry }) => existsSync(join(repoRoot, entry)));
  for (const { name, entry } of all) if (!present.some((app) => app.name === name)) say(`${name}: not started (no ${entry} yet)`);
  await Promise.all(
    appProcessNames(settings.workerProcesses).map(async (name) => {
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
      command: process.execPath,
      args: ['--import', 'tsx', app.entry],
      env: app.env === undefined ? process.env : { ...process.env, ...app.env },
      marker: app.entry,
      logFile: logDir && join(logDir, `${app.name}.log`),
    }),
  }));
  await Promise.all(
    started.map(({ app, child }) =>
      waitUntil(`${app.name} (${app.entry})`, () => app.isReady(child.pid), {
        timeoutMs: settings.processReadyTimeoutMs,
        intervalMs: 300,
        giveUpIf: () => (child.exited ? `it ${child.exitDescription}${child.logFile ? `; see ${child.logFile}` : ''}` : undefined),
      }),
    ),
  );
  return names;
}
