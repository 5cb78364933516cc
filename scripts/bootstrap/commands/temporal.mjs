/**
 * `node scripts/run.mjs temporal [--cluster]`: only the Temporal server, exactly as `npm run dev` would
 * provide it (same settings, state under BOOTSTRAP_DEV_DIR, our namespace and search attributes), until
 * Ctrl-C. For benches that bring their own workers and API, and for running those by hand. It prints
 * `Temporal ready at <address>` once workflows can start.
 */
import { join } from 'node:path';
import { findDevDatabase, provideTemporal } from '../dev-temporal.mjs';
import { ensureDependencies } from '../deps.mjs';
import { fail, say, timed } from '../output.mjs';
import { Supervisor } from '../processes.mjs';
import { applyContractDefaults, readBootstrapSettings } from '../settings.mjs';
import { abort, handleStopSignals } from '../shutdown.mjs';
import { claimSingleInstance } from '../single-instance.mjs';
import { applyStackFlags } from '../stack-flags.mjs';

/** @param {string[]} args */
export async function runTemporal(args) {
  const unknown = applyStackFlags(args);
  if (unknown.length > 0) {
    fail(`temporal: unknown argument ${unknown.join(' ')} (known: --cluster, --dev-server)`);
    process.exit(64);
  }
  handleStopSignals({ exitCode: 0 });
  await ensureDependencies();
  const settings = readBootstrapSettings();
  applyContractDefaults();
  claimSingleInstance(join(settings.devStateDir, 'run.pid'), 'node scripts/run.mjs temporal');
  const supervisor = new Supervisor({ stateFile: join(settings.devStateDir, 'processes.json'), graceMs: settings.stopGraceMs });
  supervisor.onUnexpectedExit((child) => void abort(`${child.name} ${child.exitDescription}: stopping everything else`));
  await timed('Temporal ready', () => provideTemporal({ supervisor, settings, database: () => findDevDatabase(settings) }));
  say(`Temporal ready at ${process.env.TEMPORAL_ADDRESS} (${settings.temporalMode}); Ctrl-C stops it`);
}
