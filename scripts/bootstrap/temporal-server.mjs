/**
 * The Temporal server the stack talks to. `npm run dev` runs a persistent dev server (SQLite under
 * .data/temporal, WAL) on TEMPORAL_ADDRESS / TEMPORAL_UI_URL's ports, adopting the one an earlier run left
 * behind if it still answers, or uses whatever Temporal already answers there (started by hand, or a
 * team's cluster) and leaves that alone. `npm test` always gets a private, headless, in-memory one.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireFromProject } from './deps.mjs';
import { say, warn } from './output.mjs';
import { acceptsConnections, isLocalHost, waitUntil } from './ports.mjs';
import { hostAndPort, repoRoot } from './settings.mjs';
import { onShutdown } from './shutdown.mjs';
import { findOrBuildTemporalCli } from './temporal-cli.mjs';

const SERVER_NAME = 'temporal';
const SERVER_MARKER = 'start-dev';

/** @returns {{ name: string, type: string }[]} the custom search attributes our workflows set */
function searchAttributes() {
  const registry = JSON.parse(readFileSync(join(repoRoot, 'domain', 'search-attributes.json'), 'utf8'));
  return registry.attributes;
}

/**
 * Whether a Temporal frontend answers at `address` and knows `namespace` (a dev server answers gRPC a
 * moment before its namespaces are registered, and workers started in that moment would fail).
 * @param {string} address
 * @param {string} namespace
 */
export async function temporalAnswers(address, namespace) {
  const { host, port } = hostAndPort('TEMPORAL_ADDRESS', address);
  if (!(await acceptsConnections(host.replace(/^\[|\]$/g, ''), port))) return false;
  const { Connection } = requireFromProject('@temporalio/client');
  /** @type {import('@temporalio/client').Connection | undefined} */
  let connection;
  try {
    connection = await Connection.connect({ address, connectTimeout: 3000 });
    const live = connection;
    await live.withDeadline(Date.now() + 3000, () => live.workflowService.describeNamespace({ namespace }));
    return true;
  } catch {
    return false;
  } finally {
    await connection?.close();
  }
}

/**
 * Registers the attributes of domain/search-attributes.json that the server does not know yet. The dev
 * server gets them as start flags; this covers servers started elsewhere and attributes added later.
 * @param {string} address
 * @param {string} namespace
 */
export async function ensureSearchAttributes(address, namespace) {
  const { Connection } = requireFromProject('@temporalio/client');
  const { temporal } = requireFromProject('@temporalio/proto');
  const connection = await Connection.connect({ address });
  try {
    const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
    /** @type {Record<string, number>} */
    const missing = {};
    for (const { name, type } of searchAttributes()) {
      if (customAttributes?.[name] !== undefined) continue;
      const enumName = `INDEXED_VALUE_TYPE_${type.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`;
      const value = temporal.api.enums.v1.IndexedValueType[enumName];
      if (value === undefined) throw new Error(`domain/search-attributes.json: unknown type ${type} for ${name}`);
      missing[name] = value;
    }
    if (Object.keys(missing).length === 0) return;
    await connection.operatorService.addSearchAttributes({ namespace, searchAttributes: missing });
    say(`registered search attributes ${Object.keys(missing).join(', ')} on ${address}`);
  } finally {
    await connection.close();
  }
}

/**
 * @typedef {object} DevServerSpec
 * @property {import('./processes.mjs').Supervisor} supervisor
 * @property {import('./settings.mjs').BootstrapSettings} settings
 * @property {string} host
 * @property {number} port
 * @property {number | undefined} uiPort undefined = headless
 * @property {string | undefined} dbFile undefined = in memory
 * @property {string} namespace
 * @property {string} logFile
 */

/** @param {DevServerSpec} spec */
async function startDevServer({ supervisor, settings, host, port, uiPort, dbFile, namespace, logFile }) {
  const cli = await findOrBuildTemporalCli(settings);
  const args = ['server', 'start-dev', '--ip', host, '--port', String(port)];
  args.push(...(uiPort === undefined ? ['--headless'] : ['--ui-port', String(uiPort)]));
  if (dbFile) {
    mkdirSync(join(dbFile, '..'), { recursive: true });
    // WAL plus synchronous=OFF: the dev server writes history on every workflow task; durable enough for dev.
    args.push('--db-filename', dbFile, '--sqlite-pragma', 'journal_mode=WAL', '--sqlite-pragma', 'synchronous=OFF');
  }
  for (const { name, type } of searchAttributes()) args.push('--search-attribute', `${name}=${type}`);
  if (namespace !== 'default') args.push('--namespace', namespace);
  const server = supervisor.start({ name: SERVER_NAME, command: cli, args, env: process.env, marker: SERVER_MARKER, logFile });
  onShutdown('Temporal dev server', () => supervisor.stop([SERVER_NAME]));
  const address = `${host}:${port}`;
  await waitUntil(`Temporal dev server at ${address}`, () => temporalAnswers(address, namespace), {
    timeoutMs: settings.temporalReadyTimeoutMs,
    giveUpIf: () => (server.exited ? `it ${server.exitDescription}; see ${logFile}` : undefined),
  });
  return server;
}

/**
 * `npm run dev`: a dev server on the configured ports, kept in .data/temporal across runs.
 * @param {{ supervisor: import('./processes.mjs').Supervisor, settings: import('./settings.mjs').BootstrapSettings }} context
 * @returns {Promise<{ managed: boolean }>} managed = started or adopted by us, so we stop it on exit
 */
export async function provideDevTemporal({ supervisor, settings }) {
  const address = /** @type {string} */ (process.env.TEMPORAL_ADDRESS);
  const namespace = /** @type {string} */ (process.env.TEMPORAL_NAMESPACE);
  const logFile = join(settings.temporalDevDir, 'server.log');
  const earlierPid = supervisor.leftover(SERVER_NAME);
  if (earlierPid !== undefined) {
    const answers = await waitUntil('Temporal', () => temporalAnswers(address, namespace), { timeoutMs: 5000 }).catch(() => false);
    if (answers) {
      say(`reusing the Temporal dev server an earlier run started (pid ${earlierPid}) at ${address}`);
      supervisor.adopt(SERVER_NAME, earlierPid, SERVER_MARKER);
      onShutdown('Temporal dev server', () => supervisor.stop([SERVER_NAME]));
      await ensureSearchAttributes(address, namespace);
      return { managed: true };
    }
    warn(`the Temporal dev server an earlier run left (pid ${earlierPid}) does not answer: replacing it`);
    await supervisor.stopLeftover(SERVER_NAME);
  }
  if (await temporalAnswers(address, namespace)) {
    say(`using the Temporal server already answering at ${address} (not started by this script, left running on exit)`);
    await ensureSearchAttributes(address, namespace);
    return { managed: false };
  }
  const { host, port } = hostAndPort('TEMPORAL_ADDRESS', address);
  if (!isLocalHost(host)) {
    say(`waiting for the Temporal server at ${address}`);
    await waitUntil(`Temporal server at ${address}`, () => temporalAnswers(address, namespace), {
      timeoutMs: settings.temporalReadyTimeoutMs,
    });
    await ensureSearchAttributes(address, namespace);
    return { managed: false };
  }
  const uiPort = Number(new URL(/** @type {string} */ (process.env.TEMPORAL_UI_URL)).port || 80);
  say(`starting the Temporal dev server on ${address} (UI port ${uiPort}, log ${logFile})`);
  await startDevServer({ supervisor, settings, host, port, uiPort, dbFile: join(settings.temporalDevDir, 'dev.db'), namespace, logFile });
  return { managed: true };
}

/**
 * `npm test`: a private, headless, in-memory dev server on a free port.
 * @param {{ supervisor: import('./processes.mjs').Supervisor, settings: import('./settings.mjs').BootstrapSettings, port: number, namespace: string, logFile: string }} context
 * @returns {Promise<string>} its address
 */
export async function startTestTemporal({ supervisor, settings, port, namespace, logFile }) {
  await startDevServer({ supervisor, settings, host: '127.0.0.1', port, uiPort: undefined, dbFile: undefined, namespace, logFile });
  return `127.0.0.1:${port}`;
}

/**
 * `setup`: when TEMPORAL_ADDRESS names a server (docker compose, CI), wait for it and register our search
 * attributes; nothing is started.
 * @param {{ settings: import('./settings.mjs').BootstrapSettings }} context
 */
export async function prepareExternalTemporal({ settings }) {
  const address = /** @type {string} */ (process.env.TEMPORAL_ADDRESS);
  const namespace = /** @type {string} */ (process.env.TEMPORAL_NAMESPACE);
  await waitUntil(`Temporal server at ${address}`, () => temporalAnswers(address, namespace), {
    timeoutMs: settings.temporalReadyTimeoutMs,
  });
  await ensureSearchAttributes(address, namespace);
}

/**
 * The identities of the workers polling `taskQueue` for workflow tasks (a worker polls once its bundle is
 * built and it has connected); empty when the server does not answer.
 * @param {string} address
 * @param {string} namespace
 * @param {string} taskQueue
 * @returns {Promise<string[]>}
 */
export async function taskQueuePollers(address, namespace, taskQueue) {
  const { Connection } = requireFromProject('@temporalio/client');
  const { temporal } = requireFromProject('@temporalio/proto');
  /** @type {import('@temporalio/client').Connection | undefined} */
  let connection;
  try {
    connection = await Connection.connect({ address, connectTimeout: 3000 });
    const { pollers } = await connection.workflowService.describeTaskQueue({
      namespace,
      taskQueue: { name: taskQueue, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
      taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
    });
    return (pollers ?? []).map((/** @type {{ identity?: string | null }} */ poller) => poller.identity ?? '');
  } catch {
    return [];
  } finally {
    await connection?.close();
  }
}
