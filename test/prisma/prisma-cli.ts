import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';

export const repoRoot = path.resolve(__dirname, '..', '..');

export interface CommandResult {
  exitCode: number | null;
  output: string;
}

/** Runs a command from the repo root the way a developer or the bootstrap would, capturing its output. */
export function runCommand(command: string, args: string[], env: Record<string, string>): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode, output }));
  });
}

export function runPrismaCli(args: string[], databaseUrl: string): Promise<CommandResult> {
  return runCommand(process.execPath, [path.join(repoRoot, 'scripts', 'prisma.mjs'), ...args], { DATABASE_URL: databaseUrl });
}

export function runSeed(
  databaseUrl: string,
  sandboxUrl = 'http://127.0.0.1:4010',
  env: Record<string, string> = {},
): Promise<CommandResult> {
  return runCommand(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), ['prisma/seed.ts'], {
    DATABASE_URL: databaseUrl,
    SANDBOX_URL: sandboxUrl,
    ...env,
  });
}

function withDatabase(databaseUrl: string, name: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function databaseNameOf(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
}

async function onMaintenanceDatabase(serverUrl: string, sql: string): Promise<void> {
  const maintenance = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await maintenance.connect();
  try {
    await maintenance.query(sql);
  } finally {
    await maintenance.end();
  }
}

/** A new, empty database on the same server as `serverUrl`; returns its URL. Drop it with dropDatabase. */
export async function createEmptyDatabase(serverUrl: string): Promise<string> {
  const name = `${databaseNameOf(serverUrl)}_scratch_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  await onMaintenanceDatabase(serverUrl, `CREATE DATABASE "${name}"`);
  return withDatabase(serverUrl, name);
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  await onMaintenanceDatabase(databaseUrl, `DROP DATABASE IF EXISTS "${databaseNameOf(databaseUrl).replace(/"/g, '""')}" WITH (FORCE)`);
}

/** Databases on the server whose name starts with `prefix`: used to prove no shadow database is left behind. */
export async function databasesStartingWith(serverUrl: string, prefix: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix]);
    return rows.map((row) => row.datname);
  } finally {
    await client.end();
  }
}
