/**
 * Our database on the PostgreSQL server found by postgres.mjs: created when missing (dev) or dropped and
 * recreated (test), then the Prisma client generated, the committed migrations applied and the demo data
 * seeded. Schema, migrations and seed belong to prisma/; this module only calls them.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { localBin, runOrThrow } from './command.mjs';
import { requireFromProject } from './deps.mjs';
import { timed, warn } from './output.mjs';
import { dataDir, repoRoot } from './settings.mjs';

/** @param {string} name */
function assertPlainName(name) {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) throw new Error(`database name ${JSON.stringify(name)} must be a plain identifier`);
  return `"${name}"`;
}

/** @param {string} serverUrl @param {string} name */
export function databaseUrlFor(serverUrl, name) {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * @template T
 * @param {string} serverUrl
 * @param {(client: import('pg').Client) => Promise<T>} work
 */
async function withMaintenanceConnection(serverUrl, work) {
  const { Client } = requireFromProject('pg');
  const client = new Client({ connectionString: databaseUrlFor(serverUrl, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** @returns {Promise<boolean>} whether it had to create it */
export async function ensureDatabase(/** @type {string} */ serverUrl, /** @type {string} */ name) {
  const quoted = assertPlainName(name);
  return withMaintenanceConnection(serverUrl, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE ${quoted}`);
    return true;
  });
}

/** Drops (closing its connections) and recreates: every test run starts from the migrations. */
export async function recreateDatabase(/** @type {string} */ serverUrl, /** @type {string} */ name) {
  const quoted = assertPlainName(name);
  await withMaintenanceConnection(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoted}`);
  });
}

/** The generated client only changes when the schema or the installed Prisma version does. */
function prismaClientFingerprint() {
  const hash = createHash('sha256');
  for (const file of ['prisma/schema.prisma', 'prisma.config.ts', 'package-lock.json']) {
    const path = join(repoRoot, file);
    if (existsSync(path)) hash.update(file).update(readFileSync(path));
  }
  return hash.digest('hex');
}

/**
 * Generates the Prisma client (when stale), applies migrations and seeds.
 * @param {string} databaseUrl
 */
export async function prepareSchema(databaseUrl) {
  const cli = join(repoRoot, 'scripts', 'prisma.mjs');
  if (!existsSync(cli) || !existsSync(join(repoRoot, 'prisma', 'schema.prisma'))) {
    warn('prisma/schema.prisma or scripts/prisma.mjs is missing: no migrations applied, no demo data');
    return;
  }
  const env = { ...process.env, DATABASE_URL: databaseUrl };
  const stampFile = join(dataDir, 'prisma-client.fingerprint');
  const fingerprint = prismaClientFingerprint();
  const clientIsCurrent =
    existsSync(join(repoRoot, 'prisma', 'generated')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === fingerprint;
  if (!clientIsCurrent) {
    await timed('Prisma client generated', () =>
      runOrThrow('prisma generate', process.execPath, [cli, 'generate'], { env, output: 'capture' }),
    );
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(stampFile, fingerprint);
  }
  await timed('migrations applied', () =>
    runOrThrow('prisma migrate deploy', process.execPath, [cli, 'migrate', 'deploy'], { env, output: 'capture' }),
  );
  if (existsSync(join(repoRoot, 'prisma', 'seed.ts'))) {
    await timed('demo data seeded', () => runOrThrow('seed', localBin('tsx'), ['prisma/seed.ts'], { env, output: 'capture' }));
  } else {
    warn('prisma/seed.ts is missing: no demo data');
  }
}
