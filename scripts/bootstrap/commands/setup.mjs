/**
 * `node scripts/run.mjs setup`: dependencies, database (created if missing, migrated, seeded) and the
 * admin UI build, then exit. For the docker image and for tests; it honours DATABASE_URL, and when
 * TEMPORAL_ADDRESS is set it also waits for that server and registers our search attributes. It leaves
 * nothing running (an embedded PostgreSQL it had to start is stopped again).
 */
import { join } from 'node:path';
import { buildAdminUiIfStale } from '../admin-ui.mjs';
import { databaseUrlFor, ensureDatabase, prepareSchema } from '../database.mjs';
import { ensureDependencies } from '../deps.mjs';
import { say, seconds, timed } from '../output.mjs';
import { findPostgres } from '../postgres.mjs';
import { applyContractDefaults, dataDir, isSetByUser, readBootstrapSettings } from '../settings.mjs';
import { handleStopSignals, shutdown } from '../shutdown.mjs';
import { prepareExternalTemporal } from '../temporal-server.mjs';

export async function runSetup() {
  const startedAt = performance.now();
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
  });
  if (temporalNamed) await timed('Temporal ready', () => prepareExternalTemporal({ settings }));
  await buildAdminUiIfStale(settings);
  say(`setup done in ${seconds(performance.now() - startedAt)}`);
  await shutdown(0);
}
