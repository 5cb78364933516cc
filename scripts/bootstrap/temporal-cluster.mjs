/**
 * Cluster mode (TEMPORAL_MODE=cluster, `npm run dev -- --cluster`): the real Temporal server on our
 * PostgreSQL, its four services (history, matching, frontend, worker) each a separate supervised process,
 * so one can be killed and restarted like on a production cluster. It has no Web UI (that comes with the
 * dev server); the `temporal` CLI and the admin UI's Workflows screen work against TEMPORAL_ADDRESS.
 */
import { join } from 'node:path';
import { databaseUrlFor } from './database.mjs';
import { requireFromProject } from './deps.mjs';
import { say } from './output.mjs';
import { findFreePortsInRange, waitUntil } from './ports.mjs';
import { onShutdown } from './shutdown.mjs';
import { findOrBuildClusterBinaries } from './temporal-cluster-binaries.mjs';
import { CLUSTER_SERVICES, writeClusterConfig } from './temporal-cluster-config.mjs';
import { prepareClusterDatabases, warnIfShardCountDiffers } from './temporal-cluster-schema.mjs';
import { ensureSearchAttributes } from './temporal-server.mjs';

/** Supervisor names of the service processes. */
export const clusterProcessNames = CLUSTER_SERVICES.map((service) => `temporal-${service}`);

/** Temporal's two databases for an application database: distinct for dev, test and every TEST_DATABASE_NAME. */
export function clusterDatabaseNames(/** @type {string} */ applicationDatabase) {
  return { persistence: `${applicationDatabase}_temporal`, visibility: `${applicationDatabase}_temporal_visibility` };
}

/**
 * The gRPC status code of a failed call (the client's errors carry it as `code`).
 * @param {unknown} error
 */
function grpcCode(error) {
  return /** @type {{ code?: number }} */ (error).code;
}
const GRPC_NOT_FOUND = 5;
const INTERNAL_PORT_RANGE = { min: 20_000, max: 32_767 };
const GRPC_ALREADY_EXISTS = 6;

/**
 * Registers `namespace` if it does not exist yet; true once the frontend and the history service answer
 * for it (a describe of a workflow that does not exist comes back NOT_FOUND from history).
 * @param {string} address
 * @param {string} namespace
 * @param {number} retentionDays
 */
async function namespaceIsServed(address, namespace, retentionDays) {
  const { Connection } = requireFromProject('@temporalio/client');
  /** @type {import('@temporalio/client').Connection | undefined} */
  let connection;
  try {
    connection = await Connection.connect({ address, connectTimeout: 3000 });
    const service = connection.workflowService;
    const call = (/** @type {() => Promise<unknown>} */ request) =>
      /** @type {import('@temporalio/client').Connection} */ (connection).withDeadline(Date.now() + 5000, request);
    try {
      await call(() => service.describeNamespace({ namespace }));
    } catch (error) {
      if (grpcCode(error) !== GRPC_NOT_FOUND) return false;
      try {
        await call(() => service.registerNamespace({ namespace, workflowExecutionRetentionPeriod: { seconds: retentionDays * 86_400 } }));
        say(`registered namespace ${namespace} (retention ${retentionDays} days)`);
      } catch (registerError) {
        if (grpcCode(registerError) !== GRPC_ALREADY_EXISTS) return false;
      }
      return false; // the caches of the other services learn of it within seconds; ask again
    }
    try {
      await call(() => service.describeWorkflowExecution({ namespace, execution: { workflowId: 'bootstrap-readiness-probe' } }));
    } catch (error) {
      // NOT_FOUND either way: of the workflow once history serves the namespace, of the namespace before.
      return grpcCode(error) === GRPC_NOT_FOUND && !/namespace/i.test(error instanceof Error ? error.message : '');
    }
    return true;
  } catch {
    return false;
  } finally {
    await connection?.close();
  }
}

/** Whether a service has written the cluster's metadata row yet. */
async function clusterMetadataExists(/** @type {string} */ serverUrl, /** @type {string} */ database) {
  const { Client } = requireFromProject('pg');
  const client = new Client({ connectionString: databaseUrlFor(serverUrl, database) });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT 1 FROM cluster_metadata_info LIMIT 1');
    return rows.length > 0;
  } finally {
    await client.end();
  }
}

/**
 * @typedef {object} ClusterSpec
 * @property {import('./processes.mjs').Supervisor} supervisor
 * @property {import('./settings.mjs').BootstrapSettings} settings
 * @property {string} serverUrl the PostgreSQL server our databases are on
 * @property {string} applicationDatabase the stack's database; Temporal's are named after it
 * @property {boolean} recreate drop and re-create Temporal's databases first (tests)
 * @property {number} frontendPort
 * @property {string} root state directory: config, written on every start
 * @property {string} logDir one log file per service
 * @property {string} namespace
 */

/**
 * Builds what is missing, prepares the databases, writes the config, starts the four services and waits
 * until the namespace (registered when new) and our search attributes are served.
 * @param {ClusterSpec} spec
 * @returns {Promise<{ address: string, historyShards: number, databases: { persistence: string, visibility: string } }>}
 */
export async function startTemporalCluster({
  supervisor,
  settings,
  serverUrl,
  applicationDatabase,
  recreate,
  frontendPort,
  root,
  logDir,
  namespace,
}) {
  const binaries = await findOrBuildClusterBinaries(settings);
  const databases = clusterDatabaseNames(applicationDatabase);
  await prepareClusterDatabases({ serverUrl, names: databases, moduleDir: binaries.moduleDir, sqlTool: binaries.sqlTool, recreate });
  await warnIfShardCountDiffers(serverUrl, databases.persistence, settings.temporalHistoryShards);

  // Below the ephemeral range: membership ports are stored as SMALLINT, and no outgoing socket takes them meanwhile.
  const free = await findFreePortsInRange(CLUSTER_SERVICES.length * 3, INTERNAL_PORT_RANGE);
  const next = () => /** @type {number} */ (free.shift());
  const ports = /** @type {Record<typeof CLUSTER_SERVICES[number], import('./temporal-cluster-config.mjs').ServicePorts>} */ (
    Object.fromEntries(
      CLUSTER_SERVICES.map((service) => [
        service,
        service === 'frontend'
          ? { grpc: frontendPort, membership: next(), metrics: next(), http: next() }
          : { grpc: next(), membership: next(), metrics: next() },
      ]),
    )
  );
  const { dirs, frontend } = writeClusterConfig({
    moduleDir: binaries.moduleDir,
    root,
    serverUrl,
    databases,
    historyShards: settings.temporalHistoryShards,
    poolSize: settings.temporalClusterPoolSize,
    ports,
  });

  say(
    `starting the Temporal ${binaries.version} cluster on PostgreSQL (${databases.persistence}, ${databases.visibility}; ${settings.temporalHistoryShards} history shards): ${CLUSTER_SERVICES.join(', ')} as separate processes, frontend ${frontend}, logs in ${logDir}`,
  );
  /** @param {typeof CLUSTER_SERVICES[number]} service */
  const startService = (service) =>
    supervisor.start({
      name: `temporal-${service}`,
      command: binaries.server,
      args: ['--root', root, '--config', dirs[service], '--env', 'development', '--allow-no-auth', 'start', '--service', service],
      env: process.env,
      marker: `${root} --config ${dirs[service]}`,
      logFile: join(logDir, `temporal-${service}.log`),
    });
  onShutdown('Temporal cluster', () => supervisor.stop(clusterProcessNames));
  /** @type {import('./processes.mjs').Supervised[]} */
  const children = [];
  const giveUpIf = () => {
    const dead = children.find((child) => child.exited);
    return dead ? `${dead.name} ${dead.exitDescription}; see ${dead.logFile}` : undefined;
  };
  // Every service writes the cluster's metadata on its first start, and on a new database all but the
  // first one to do it fail ("version mismatch") and exit: the first service goes alone.
  const [first, ...rest] = CLUSTER_SERVICES;
  children.push(startService(first));
  await waitUntil(`Temporal cluster metadata in ${databases.persistence}`, () => clusterMetadataExists(serverUrl, databases.persistence), {
    timeoutMs: settings.temporalReadyTimeoutMs,
    giveUpIf,
  });
  children.push(...rest.map(startService));
  await waitUntil(
    `Temporal cluster at ${frontend} (namespace ${namespace})`,
    () => namespaceIsServed(frontend, namespace, settings.temporalRetentionDays),
    {
      timeoutMs: settings.temporalReadyTimeoutMs,
      intervalMs: 500,
      giveUpIf,
    },
  );
  // The operator API learns of a new namespace through its own cache, a moment after the others.
  await waitUntil(
    `search attributes on ${frontend}`,
    () =>
      ensureSearchAttributes(frontend, namespace).then(
        () => true,
        () => false,
      ),
    { timeoutMs: settings.temporalReadyTimeoutMs, intervalMs: 500, giveUpIf },
  );
  return { address: frontend, historyShards: settings.temporalHistoryShards, databases };
}
