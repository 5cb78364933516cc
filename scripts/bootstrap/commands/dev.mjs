/**
 * `npm run dev`: bring the whole system up on this machine and keep it running until Ctrl-C. Temporal
 * and the database are prepared in parallel (they do not depend on each other, except that a cluster's
 * databases live on the same PostgreSQL server), then our processes start.
 */
import { join } from 'node:path';
import { buildAdminUiIfStale } from '../admin-ui.mjs';
import { startAppProcesses } from '../app-processes.mjs';
import { printReadyBanner } from '../banner.mjs';
import { findDevDatabase, prepareDevDatabase, provideTemporal } from '../dev-temporal.mjs';
import { ensureDependencies } from '../deps.mjs';
import { fail, timed, warn } from '../output.mjs';
import { Supervisor } from '../processes.mjs';
import { applyContractDefaults, readBootstrapSettings } from '../settings.mjs';
import { abort, handleStopSignals } from '../shutdown.mjs';
import { claimSingleInstance } from '../single-instance.mjs';
import { applyStackFlags } from '../stack-flags.mjs';

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
    timed('Temporal ready', () => provideTemporal({ supervisor, settings, database: () => database })),
    timed('database ready', async () => prepareDevDatabase(await database)),
  ]);
  // A broken UI build must not keep the backend from running: the API answers without the admin UI.
  await buildAdminUiIfStale(settings).catch((error) =>
    warn(`${error instanceof Error ? error.message : String(error)}\nthe API runs without a fresh admin UI`),
  );
  const started = await timed('processes ready', () => startAppProcesses({ supervisor, settings }));
  printReadyBanner({ started, temporal: { ...temporal, mode: settings.temporalMode }, readyInMs: performance.now() - startedAt });
}
