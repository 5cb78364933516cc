import { spawn } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';

const repoRoot = path.resolve(__dirname, '..', '..');

/**
 * A bench's own database on the same server as DATABASE_URL, dropped and re-created on every run and
 * migrated with the project's migrations, so a bench never touches dev or test data. Only names ending
 * in `_bench` are accepted: this function drops the database it is given.
 */
export async function createScratchDatabase(serverUrl: string, databaseName: string): Promise<string> {
  if (!/^[a-z0-9_]+_bench$/.test(databaseName))
    throw new Error(`Refusing to re-create ${databaseName}: bench databases must be named *_bench`);
  return recreateMigratedDatabase(serverUrl, databaseName);
}

/**
 * Drops `databaseName` on the server of `serverUrl` (if it exists), creates it empty and migrates it;
 * answers its URL. The caller owns the name: this drops whatever has it.
 */
export async function recreateMigratedDatabase(serverUrl: string, databaseName: string): Promise<string> {
  const maintenanceUrl = withDatabase(serverUrl, 'postgres');
  const client = new Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${databaseName}"`);
  } finally {
    await client.end();
  }
  const databaseUrl = withDatabase(serverUrl, databaseName);
  await migrateDatabase(databaseUrl);
  return databaseUrl;
}

function withDatabase(serverUrl: string, databaseName: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  return url.toString();
}

/** `prisma migrate deploy` of the project's migrations onto `databaseUrl`. */
async function migrateDatabase(databaseUrl: string): Promise<void> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'prisma.mjs'), 'migrate', 'deploy'], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`prisma migrate deploy failed (exit ${code}):\n${output}`);
}
