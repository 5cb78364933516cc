import { execFileSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { type BenchChild, startChild } from './child-process';
import { waitUntil } from './wait-until';

const repoRoot = path.resolve(__dirname, '..', '..');

interface SearchAttributeRegistry {
  attributes: { name: string; type: string }[];
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The `temporal` CLI: as configured, else on PATH, else where `go install` puts it (the bootstrap builds it there). */
export function findTemporalCli(configured: string | undefined): string {
  if (configured !== undefined) return configured;
  const onPath = (process.env.PATH ?? '')
    .split(path.delimiter)
    .map((dir) => path.join(dir, 'temporal'))
    .find(isExecutable);
  if (onPath !== undefined) return onPath;
  try {
    const goBin = path.join(execFileSync('go', ['env', 'GOPATH'], { encoding: 'utf8' }).trim(), 'bin', 'temporal');
    if (isExecutable(goBin)) return goBin;
  } catch {
    // No Go toolchain: fall through to the explanation below.
  }
  throw new Error(
    'No `temporal` CLI found on PATH or in $(go env GOPATH)/bin: run `npm test` or `npm run dev` once (they build it), or set TEMPORAL_CLI',
  );
}

/** Answers once the frontend is up and the namespace exists (gRPC answers a moment before namespaces are registered). */
async function namespaceAnswers(address: string, namespace: string): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: 2000 });
  try {
    await connection.withDeadline(Date.now() + 2000, () => connection.workflowService.describeNamespace({ namespace }));
    return true;
  } finally {
    await connection.close();
  }
}

/**
 * A private Temporal dev server for this run: in memory (or in `dbFile`), headless, on a free port, with
 * the search attributes our workflows set. Nothing of it outlives the bench.
 */
export async function startTemporalDevServer(options: {
  cli: string;
  port: number;
  logFile: string;
  timeoutMs: number;
  /** SQLite file to keep the server's state in, so a restart on it keeps every run (the chaos suite's Temporal restart); default in memory. */
  dbFile?: string;
}): Promise<{ child: BenchChild; address: string }> {
  const registry = JSON.parse(readFileSync(path.join(repoRoot, 'domain', 'search-attributes.json'), 'utf8')) as SearchAttributeRegistry;
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port), '--headless', '--log-level', 'warn'];
  for (const { name, type } of registry.attributes) args.push('--search-attribute', `${name}=${type}`);
  if (options.dbFile !== undefined) args.push('--db-filename', options.dbFile);
  const child = startChild({ name: 'temporal', command: options.cli, args, env: process.env, cwd: repoRoot, logFile: options.logFile });
  const address = `127.0.0.1:${options.port}`;
  await waitUntil(`the Temporal dev server at ${address}`, () => namespaceAnswers(address, 'default'), {
    timeoutMs: options.timeoutMs,
    giveUpIf: () => child.exitDescription(),
  });
  return { child, address };
}
