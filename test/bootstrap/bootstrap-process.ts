import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';

export const repoRoot = join(__dirname, '..', '..');

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/** A child process of the test whose combined output is kept, plus a promise of how it ended. */
export interface Running {
  child: ChildProcess;
  output: () => string;
  finished: Promise<Finished>;
}

export function start(command: string, args: string[], env: NodeJS.ProcessEnv): Running {
  const child = spawn(command, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const finished = new Promise<Finished>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, output }));
  });
  return { child, output: () => output, finished };
}

export function runToEnd(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Finished> {
  return start(command, args, env).finished;
}

/** `node scripts/run.mjs <args>`, the way package.json's scripts call it. */
export function runBootstrap(args: string[], env: NodeJS.ProcessEnv): Promise<Finished> {
  return runToEnd(process.execPath, [join(repoRoot, 'scripts', 'run.mjs'), ...args], env);
}

export function tsx(entry: string, env: NodeJS.ProcessEnv): Promise<Finished> {
  return runToEnd(join(repoRoot, 'node_modules', '.bin', 'tsx'), [entry], env);
}

export function withDatabase(databaseUrl: string, name: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withClient<T>(databaseUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A scratch database name for one bootstrap test, unique per test database, so two checkouts running
 * `npm test` at once (each with its own TEST_DATABASE_NAME) never drop each other's.
 */
export function scratchDatabaseName(purpose: string): string {
  const suffix = (process.env.TEST_DATABASE_NAME ?? 'omnichannel_test').replace(/^omnichannel_test_?/, '');
  return `omnichannel_bootstrap_${purpose}${suffix === '' ? '' : `_${suffix}`}`;
}

/** Drops a scratch database of these tests (never one the stack uses), closing its connections. */
export async function dropScratchDatabase(serverUrl: string, name: string): Promise<void> {
  if (!name.startsWith('omnichannel_bootstrap_')) throw new Error(`refusing to drop ${name}: not a bootstrap test database`);
  await withClient(withDatabase(serverUrl, 'postgres'), (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
