/**
 * Temporal's own two databases (history/persistence and visibility) on the PostgreSQL server the rest of
 * the stack uses, with the module's versioned schemas applied by temporal-sql-tool: `setup-schema -v 0.0`
 * once (the versioning tables), then `update-schema -d <versioned dir>`, which applies every version
 * newer than the database's, so a later run with a newer server upgrades them in place.
 */
import { join } from 'node:path';
import { runOrThrow } from './command.mjs';
import { databaseUrlFor, ensureDatabase, recreateDatabase } from './database.mjs';
import { requireFromProject } from './deps.mjs';
import { say, warn } from './output.mjs';

/** @typedef {{ persistence: string, visibility: string }} ClusterDatabaseNames */

/** The schema tool's connection, from the server URL (password through the environment, not argv). */
function sqlToolEnv(/** @type {string} */ serverUrl, /** @type {string} */ database) {
  const url = new URL(serverUrl);
  return {
    ...process.env,
    SQL_HOST: url.hostname,
    SQL_PORT: url.port || '5432',
    SQL_USER: decodeURIComponent(url.username || 'postgres'),
    SQL_PASSWORD: decodeURIComponent(url.password),
    SQL_DATABASE: database,
  };
}

/**
 * @template T
 * @param {string} databaseUrl
 * @param {(client: import('pg').Client) => Promise<T>} work
 */
async function withDatabase(databaseUrl, work) {
  const { Client } = requireFromProject('pg');
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** @returns {Promise<string | undefined>} the schema version temporal-sql-tool recorded, if any */
function schemaVersion(/** @type {string} */ databaseUrl) {
  return withDatabase(databaseUrl, async (client) => {
    const { rows } = await client.query(`SELECT to_regclass('public.schema_version') IS NOT NULL AS present`);
    if (!rows[0]?.present) return undefined;
    const version = await client.query('SELECT curr_version FROM schema_version LIMIT 1');
    return version.rows[0]?.curr_version ?? undefined;
  });
}

/**
 * @param {{ serverUrl: string, name: string, versionedDir: string, sqlTool: string, recreate: boolean }} options
 */
async function prepareOne({ serverUrl, name, versionedDir, sqlTool, recreate }) {
  if (recreate) await recreateDatabase(serverUrl, name);
  else if (await ensureDatabase(serverUrl, name)) say(`created Temporal database ${name}`);
  const databaseUrl = databaseUrlFor(serverUrl, name);
  const env = sqlToolEnv(serverUrl, name);
  const common = ['--plugin', 'postgres12'];
  const before = await schemaVersion(databaseUrl);
  if (before === undefined) {
    await runOrThrow(`temporal-sql-tool setup-schema (${name})`, sqlTool, [...common, 'setup-schema', '-v', '0.0'], {
      env,
      output: 'capture',
    });
  }
  await runOrThrow(`temporal-sql-tool update-schema (${name})`, sqlTool, [...common, 'update-schema', '-d', versionedDir], {
    env,
    output: 'capture',
  });
  const after = await schemaVersion(databaseUrl);
  if (after !== before) say(`Temporal schema of ${name}: ${before ?? 'none'} -> ${after}`);
  return after;
}

/**
 * Creates (or, for tests, re-creates) both databases and brings their schemas to the module's latest.
 * @param {{ serverUrl: string, names: ClusterDatabaseNames, moduleDir: string, sqlTool: string, recreate: boolean }} options
 */
export async function prepareClusterDatabases({ serverUrl, names, moduleDir, sqlTool, recreate }) {
  const schemaRoot = join(moduleDir, 'schema', 'postgresql', 'v12');
  await prepareOne({ serverUrl, name: names.persistence, versionedDir: join(schemaRoot, 'temporal', 'versioned'), sqlTool, recreate });
  await prepareOne({ serverUrl, name: names.visibility, versionedDir: join(schemaRoot, 'visibility', 'versioned'), sqlTool, recreate });
}

/**
 * The shard count the persistence database was first started with: Temporal keeps that one and ignores a
 * different numHistoryShards in the config (it only logs a warning), so we say so before starting.
 * @param {string} serverUrl
 * @param {string} persistenceDatabase
 * @param {number} configured
 */
export async function warnIfShardCountDiffers(serverUrl, persistenceDatabase, configured) {
  const persisted = await withDatabase(databaseUrlFor(serverUrl, persistenceDatabase), async (client) => {
    const { rows } = await client.query('SELECT count(*)::int AS shards FROM shards');
    return rows[0]?.shards ?? 0;
  });
  if (persisted > 0 && persisted !== configured) {
    warn(
      `Temporal database ${persistenceDatabase} was created with ${persisted} history shards; the server keeps ${persisted} and ignores TEMPORAL_HISTORY_SHARDS=${configured} (drop ${persistenceDatabase} and its visibility database to change it)`,
    );
  }
}
