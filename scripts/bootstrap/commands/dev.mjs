/**
 * `npm run dev`: bring the whole system up on this machine and keep it running until Ctrl-C. Temporal
 * and the database are prepared in parallel (they do not depend on each other, except that a cluster's
 * databases live on the same PostgreSQL server), then our processes start.
 */
import { join } from 'node:path';
import { buildAdminUiIfStale } from '../admin-ui.mjs';
import { startAppProcesses } from '../app-processes.mjs';
import { printReadyBanner } from '../banner.mjs';
import { databaseUrlFor, ensureDatabase, prepareSchema } from '../database.mjs';
import { ensureDependencies } from '../deps.mjs';
import { fail, say, timed, warn } from '../output.mjs';
import { acceptsConnections } from '../ports.mjs';
import { findPostgres } from '../postgres.mjs';
import { Supervisor } from '../processes.mjs';
import { applyContractDefaults, dataDir, hostAndPort, readBootstrapSettings } from '../settings.mjs';
import { abort, handleStopSignals } from '../shutdown.mjs';
import { claimSingleInstance } from '../single-instance.mjs';
import { applyStackFlags } from '../stack-flags.mjs';
import { clusterProcessNames, startTemporalCluster } from '../temporal-cluster.mjs';
import { provideDevTemporal } from '../temporal-server.mjs';

/**
 * @param {import('../settings.mjs').BootstrapSettings} settings
 * @returns {Promise<{ serverUrl: string, name: string, origin: string }>}
 */
async function findDevDatabase(settings) {
  const { serverUrl, databaseName, origin } = await findPostgres({
    settings,
    embeddedDir: join(dataDir, 'embedded-pg'),
    embeddedPort: settings.embeddedPostgresPort,
  });
  return { serverUrl, name: databaseName ?? settings.devDatabaseName, origin };
}

/** @param {{ serverUrl: string, name: string, origin: string }} database */
async function prepareDevDatabase({ serverUrl, name, origin }) {
  if (await ensureDatabase(serverUrl, name)) say(`created database ${name} (${origin})`);
  process.env.DATABASE_URL = databaseUrlFor(serverUrl, name);
  await prepareSchema(process.env.DATABASE_URL);
}

/**
 * Cluster mode: our own cluster on TEMPORAL_ADDRESS (a local address; its databases are kept across runs).
 * @param {{ supervisor: Supervisor, settings: import('../settings.mjs').BootstrapSettings, database: Promise<{ serverUrl: string, name: string }> }} context
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
  const { serverUrl, name } = await database;
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

/** @param {string[]} args */
export async function runDev(args) {
  const startedAt = performance.now();
  const unknown = applyStackFlags(args);
  if (unknown.length > 0) {
    fail(`npm run dev: unknown argument ${unknown.join(' ')} (known: --cluster, --dev-server, --workers N)`);
    process.exit(64);
  }
  handleStopSignals({ exitCode: 0 });
  await ensureDependencies();
  const settings = readBootstrapSettings();
  applyContractDefaults();
  process.env.NODE_ENV ??= 'development';
  claimSingleInstance(join(settings.devStateDir, 'run.pid'), 'npm run dev');
  const supervisor = new Supervisor({ stateFile: join(settings.devStateDir, 'processes.json'), graceMs: settings.stopGraceMs });
  supervisor.onUnexpectedExit((child) => void abort(`${child.name} ${child.exitDescription}: stopping everything else`));

  const database = findDevDatabase(settings);
  const [temporal] = await Promise.all([
    timed('Temporal ready', async () => {
      if (settings.temporalMode === 'cluster') return provideDevCluster({ supervisor, settings, database });
      for (const name of clusterProcessNames) await supervisor.stopLeftover(name);
      return provideDevTemporal({ supervisor, settings });
    }),
    timed('database ready', async () => prepareDevDatabase(await database)),
  ]);
  // A broken UI build must not keep the backend from running: the API answers without the admin UI.
  await buildAdminUiIfStale(settings).catch((error) =>
    warn(`${error instanceof Error ? error.message : String(error)}\nthe API runs without a fresh admin UI`),
  );
  const started = await timed('processes ready', () => startAppProcesses({ supervisor, settings }));
  printReadyBanner({ started, temporal: { ...temporal, mode: settings.temporalMode }, readyInMs: performance.now() - startedAt });
}
