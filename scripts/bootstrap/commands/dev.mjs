/**
 * `npm run dev`: bring the whole system up on this machine and keep it running until Ctrl-C. Temporal
 * and the database are prepared in parallel (they do not depend on each other), then our processes start.
 */
import { join } from 'node:path';
import { buildAdminUiIfStale } from '../admin-ui.mjs';
import { startAppProcesses } from '../app-processes.mjs';
import { printReadyBanner } from '../banner.mjs';
import { databaseUrlFor, ensureDatabase, prepareSchema } from '../database.mjs';
import { ensureDependencies } from '../deps.mjs';
import { say, timed, warn } from '../output.mjs';
import { findPostgres } from '../postgres.mjs';
import { Supervisor } from '../processes.mjs';
import { applyContractDefaults, dataDir, readBootstrapSettings } from '../settings.mjs';
import { abort, handleStopSignals } from '../shutdown.mjs';
import { claimSingleInstance } from '../single-instance.mjs';
import { provideDevTemporal } from '../temporal-server.mjs';

/** @param {import('../settings.mjs').BootstrapSettings} settings */
async function prepareDevDatabase(settings) {
  const { serverUrl, databaseName, origin } = await findPostgres({
    settings,
    embeddedDir: join(dataDir, 'embedded-pg'),
    embeddedPort: settings.embeddedPostgresPort,
  });
  const name = databaseName ?? settings.devDatabaseName;
  if (await ensureDatabase(serverUrl, name)) say(`created database ${name} (${origin})`);
  process.env.DATABASE_URL = databaseUrlFor(serverUrl, name);
  await prepareSchema(process.env.DATABASE_URL);
}

export async function runDev() {
  const startedAt = performance.now();
  handleStopSignals({ exitCode: 0 });
  await ensureDependencies();
  const settings = readBootstrapSettings();
  applyContractDefaults();
  process.env.NODE_ENV ??= 'development';
  claimSingleInstance(join(settings.devStateDir, 'run.pid'), 'npm run dev');
  const supervisor = new Supervisor({ stateFile: join(settings.devStateDir, 'processes.json'), graceMs: settings.stopGraceMs });
  supervisor.onUnexpectedExit((child) => void abort(`${child.name} ${child.exitDescription}: stopping everything else`));

  const [temporal] = await Promise.all([
    timed('Temporal ready', () => provideDevTemporal({ supervisor, settings })),
    timed('database ready', () => prepareDevDatabase(settings)),
  ]);
  // A broken UI build must not keep the backend from running: the API answers without the admin UI.
  await buildAdminUiIfStale(settings).catch((error) =>
    warn(`${error instanceof Error ? error.message : String(error)}\nthe API runs without a fresh admin UI`),
  );
  const started = await timed('processes ready', () => startAppProcesses({ supervisor, settings }));
  printReadyBanner({ started, temporalManaged: temporal.managed, readyInMs: performance.now() - startedAt });
}
