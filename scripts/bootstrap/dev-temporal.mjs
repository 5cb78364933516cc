/**
 * Temporal and the database as `npm run dev` provides them, shared by `dev` and by `temporal` (Temporal
 * alone, for benches and for running the app processes by hand).
 */
import { join } from 'node:path';
import { databaseUrlFor, ensureDatabase, prepareSchema } from './database.mjs';
import { say } from './output.mjs';
import { acceptsConnections } from './ports.mjs';
import { findPostgres } from './postgres.mjs';
import { dataDir, hostAndPort } from './settings.mjs';
import { clusterProcessNames, startTemporalCluster } from './temporal-cluster.mjs';
import { provideDevTemporal } from './temporal-server.mjs';

/**
 * @param {import('./settings.mjs').BootstrapSettings} settings
 * @returns {Promise<{ serverUrl: string, name: string, origin: string }>}
 */
export async function findDevDatabase(settings) {
  const { serverUrl, databaseName, origin } = await findPostgres({
    settings,
    embeddedDir: join(dataDir, 'embedded-pg'),
    embeddedPort: settings.embeddedPostgresPort,
  });
  return { serverUrl, name: databaseName ?? settings.devDatabaseName, origin };
}

/** @param {{ serverUrl: string, name: string, origin: string }} database */
export async function prepareDevDatabase({ serverUrl, name, origin }) {
  if (await ensureDatabase(serverUrl, name)) say(`created database ${name} (${origin})`);
  process.env.DATABASE_URL = databaseUrlFor(serverUrl, name);
  await prepareSchema(process.env.DATABASE_URL);
}

/**
 * Cluster mode: our own cluster on TEMPORAL_ADDRESS (a local address; its databases are kept across runs).
 * @param {{ supervisor: import('./processes.mjs').Supervisor, settings: import('./settings.mjs').BootstrapSettings, database: () => Promise<{ serverUrl: string, name: string }> }} context
 *   database: where the cluster's databases go (asked for in cluster mode only)
 */
async function provideDevCluster({ supervisor, settings, database }) {
  const address = /** @type {string} */ (process.env.TEMPORAL_ADDRESS);
  const namespace = /** @type {string} */ (process.env.TEMPORAL_NAMESPACE);
  // A killed earlier run may have left its services (or a dev server) on these ports.
  for (const name of ['temporal', ...clusterProcessNames]) {
    if (await supervisor.stopLeftover(name)) say(`stopped the ${name} an earlier run left running`);
  }
  const { host, port } = hostAndPort('TEMPORAL_ADDRESS', address);
  if (await acceptsConnections(host, port)) {
    throw new Error(
      `cluster mode: something not started by this run already listens on ${address}: stop it, or set TEMPORAL_ADDRESS to a free local port`,
    );
  }
  const { serverUrl, name } = await database();
  await startTemporalCluster({
    supervisor,
    settings,
    serverUrl,
    applicationDatabase: name,
    recreate: false,
    frontendPort: port,
    root: settings.temporalClusterDir,
    logDir: join(settings.temporalClusterDir, 'logs'),
    namespace,
  });
  return { managed: true };
}

/**
 * The Temporal server of `dev`'s mode: our cluster, or the dev server (adopted, already running, or started).
 * @param {{ supervisor: import('./processes.mjs').Supervisor, settings: import('./settings.mjs').BootstrapSettings, database: () => Promise<{ serverUrl: string, name: string }> }} context
 *   database: where the cluster's databases go (asked for in cluster mode only)
 * @returns {Promise<{ managed: boolean }>}
 */
export async function provideTemporal({ supervisor, settings, database }) {
  if (settings.temporalMode === 'cluster') return provideDevCluster({ supervisor, settings, database });
  for (const name of clusterProcessNames) await supervisor.stopLeftover(name);
  return provideDevTemporal({ supervisor, settings });
}
