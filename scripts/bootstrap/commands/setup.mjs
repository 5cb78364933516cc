/**
 * `node scripts/run.mjs setup`: dependencies, database (created if missing, migrated, seeded) and the
 * admin UI build, then exit. For the docker image and for tests; it honours DATABASE_URL, and when
 * TEMPORAL_ADDRESS is set it also waits for that server and registers our search attributes. It leaves
 * nothing running (an embedded PostgreSQL it had to start is stopped again). With `--cluster`
 * (TEMPORAL_MODE=cluster) it also builds the Temporal server when missing and creates or upgrades the
 * cluster's databases, so a later `npm run dev -- --cluster` only starts processes.
 */
import { join } from 'node:path';
import { buildAdminUiIfStale } from '../admin-ui.mjs';
import { databaseUrlFor, ensureDatabase, prepareSchema } from '../database.mjs';
import { ensureDependencies } from '../deps.mjs';
import { say, seconds, timed } from '../output.mjs';
import { findPostgres } from '../postgres.mjs';
import { applyContractDefaults, dataDir, isSetByUser, readBootstrapSettings } from '../settings.mjs';
import { handleStopSignals, shutdown } from '../shutdown.mjs';
import { applyStackFlags } from '../stack-flags.mjs';
import { findOrBuildClusterBinaries } from '../temporal-cluster-binaries.mjs';
import { clusterDatabaseNames } from '../temporal-cluster.mjs';
import { prepareClusterDatabases } from '../temporal-cluster-schema.mjs';
import { prepareExternalTemporal } from '../temporal-server.mjs';

/** @param {string[]} args */
export async function runSetup(args) {
  const startedAt = performance.now();
  const unknown = applyStackFlags(args);
  if (unknown.length > 0) throw new Error(`setup: unknown argument ${unknown.join(' ')} (known: --cluster)`);
  handleStopSignals({ exitCode: 130 });
  await ensureDependencies();
  const settings = readBootstrapSettings();
  const temporalNamed = isSetByUser('TEMPORAL_ADDRESS');
  applyContractDefaults();

  await timed('database ready', async () => {
    const { serverUrl, databaseName, origin } = await findPostgres({
      settings,
      embeddedDir: join(dataDir, 'embedded-pg'),
      embeddedPort: settings.embeddedPostgresPort,
    });
    const name = databaseName ?? settings.devDatabaseName;
    if (await ensureDatabase(serverUrl, name)) say(`created database ${name} (${origin})`);
    await prepareSchema(databaseUrlFor(serverUrl, name));
    if (settings.temporalMode !== 'cluster') return;
    const { moduleDir, sqlTool } = await findOrBuildClusterBinaries(settings);
    await prepareClusterDatabases({ serverUrl, names: clusterDatabaseNames(name), moduleDir, sqlTool, recreate: false });
  });
  if (temporalNamed) await timed('Temporal ready', () => prepareExternalTemporal({ settings }));
  await buildAdminUiIfStale(settings);
  say(`setup done in ${seconds(performance.now() - startedAt)}`);
  await shutdown(0);
}
