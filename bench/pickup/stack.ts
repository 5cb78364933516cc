import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { Client } from 'pg';
import { type PickupBenchConfig } from './config';
import { type BenchChild, startChild } from './child-process';
import { findFreePorts } from './free-ports';
import { type SampledProcess } from './resource-sampler';
import { findTemporalCli, startTemporalDevServer } from './temporal-dev-server';
import { waitUntil } from './wait-until';

const repoRoot = path.resolve(__dirname, '..', '..');

export const BENCH_NAMESPACE = 'default';
export const BENCH_TASK_QUEUE = 'omnichannel';
/** application_name of the API's connections, so the pool sampler can tell them apart; workers get `bench-worker[-N]`. */
export const API_CONNECTION_NAME = 'bench-api';

export type BenchServer = 'dev' | 'cluster';

/** One configuration of the comparison: which Temporal server, how many worker processes. */
export interface StackShape {
  server: BenchServer;
  workers: number;
}

export interface BenchStack {
  temporalAddress: string;
  apiUrl: string;
  /** History shards of the server: the dev server has one. */
  historyShards: number;
  /** Every process of the stack by name (temporal or temporal-<service>, worker, worker-2, ..., api), for CPU sampling. */
  processes: SampledProcess[];
  stop(): Promise<void>;
}

const STOP_GRACE_MS = 15_000;
/** A machine's first cluster start builds the Temporal server first (minutes on 2 busy cores). */
const FIRST_CLUSTER_BUILD_MS = 15 * 60_000;
/** The dev server (`temporal server start-dev`) runs one history shard. */
const DEV_SERVER_SHARDS = 1;

function withApplicationName(databaseUrl: string, name: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set('application_name', name);
  return url.toString();
}

export function workerName(index: number): string {
  return index === 0 ? 'worker' : `worker-${index + 1}`;
}

/** Runs a TypeScript entry point as a plain node process with tsx's loader, so the pid is the process doing the work. */
function startTypeScriptProcess(name: string, entry: string, env: NodeJS.ProcessEnv, runDir: string): BenchChild {
  return startChild({
    name,
    command: process.execPath,
    args: ['--import', 'tsx', entry],
    env,
    cwd: repoRoot,
    logFile: path.join(runDir, `${name}.log`),
  });
}

/** Whether every one of these worker processes polls the task queue (the SDK's identity is `<pid>@<host>`). */
async function workersPoll(address: string, pids: number[]): Promise<boolean> {
  const connection = await Connection.connect({ address });
  try {
    // An unspecified task queue type means the workflow queue, which a worker polls once it is running.
    const { pollers } = await connection.workflowService.describeTaskQueue({
      namespace: BENCH_NAMESPACE,
      taskQueue: { name: BENCH_TASK_QUEUE },
    });
    const identities = new Set(pollers.map((poller) => poller.identity));
    return pids.every((pid) => identities.has(`${pid}@${os.hostname()}`));
  } finally {
    await connection.close();
  }
}

/** Temporal's databases for the bench database (the bootstrap names them after it), dropped so every cluster starts empty. */
async function dropClusterDatabases(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const benchDatabase = url.pathname.replace(/^\//, '');
  if (!/^[a-z0-9_]+_bench$/.test(benchDatabase)) throw new Error(`Refusing to drop the Temporal databases of ${benchDatabase}`);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    for (const suffix of ['_temporal', '_temporal_visibility'])
      await client.query(`DROP DATABASE IF EXISTS "${benchDatabase}${suffix}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * The cluster as `npm run dev -- --cluster` runs it (`node scripts/run.mjs temporal --cluster`), on the
 * bench database's server, fresh: the bootstrap supervises the four service processes and stops them
 * when it is stopped; their pids come from its state file.
 */
async function startCluster(
  config: BenchStackConfig,
  databaseUrl: string,
  runDir: string,
  port: number,
  timeoutMs: number,
): Promise<{ child: BenchChild; processes: SampledProcess[] }> {
  await dropClusterDatabases(databaseUrl);
  const stateDir = path.join(runDir, 'cluster');
  mkdirSync(stateDir, { recursive: true });
  const child = startChild({
    name: 'temporal-cluster',
    command: process.execPath,
    args: [path.join(repoRoot, 'scripts', 'run.mjs'), 'temporal', '--cluster'],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: `127.0.0.1:${port}`,
      TEMPORAL_NAMESPACE: BENCH_NAMESPACE,
      TEMPORAL_HISTORY_SHARDS: String(config.TEMPORAL_HISTORY_SHARDS),
      BOOTSTRAP_DEV_DIR: stateDir,
      // Well inside our own grace: a bootstrap killed before it has stopped its services would orphan them.
      BOOTSTRAP_STOP_GRACE_SECONDS: String(Math.floor(STOP_GRACE_MS / 3000)),
      NO_COLOR: '1',
    },
    cwd: repoRoot,
    logFile: path.join(runDir, 'temporal-cluster.log'),
  });
  await waitUntil(
    'the Temporal cluster (it is built first if this machine has not yet)',
    () => Promise.resolve(readFileSync(child.logFile, 'utf8').includes('Temporal ready at')),
    {
      timeoutMs: Math.max(timeoutMs, FIRST_CLUSTER_BUILD_MS),
      intervalMs: 500,
      giveUpIf: () => child.exitDescription(),
    },
  );
  const stateFile = path.join(stateDir, 'processes.json');
  if (!existsSync(stateFile)) throw new Error(`the cluster started but left no ${stateFile}`);
  const recorded = JSON.parse(readFileSync(stateFile, 'utf8')) as Record<string, { pid: number }>;
  const processes = Object.entries(recorded)
    .filter(([name]) => name.startsWith('temporal-'))
    .map(([name, { pid }]) => ({ name, pid }));
  return { child, processes };
}

/**
 * The bench's private stack: a Temporal server (dev server or cluster), `workers` worker processes and
 * the API as child processes, exactly as deployed (`worker/main.ts`, `api/main.ts`), on the bench
 * database and free ports. stop() ends every process it started, whichever step failed.
 */
/** What the stack needs of a bench's settings (the pickup bench's, or another bench's with the same names). */
export type BenchStackConfig = Pick<
  PickupBenchConfig,
  | 'BENCH_PICKUP_STARTUP_TIMEOUT_SECONDS'
  | 'TEMPORAL_CLI'
  | 'BENCH_PICKUP_CHILD_LOG_LEVEL'
  | 'DATABASE_POOL_SIZE'
  | 'TEMPORAL_HISTORY_SHARDS'
>;

export async function startBenchStack(
  config: BenchStackConfig,
  databaseUrl: string,
  runDir: string,
  shape: StackShape,
): Promise<BenchStack> {
  const started: BenchChild[] = [];
  const stop = async () => {
    await Promise.all(started.reverse().map((child) => child.stop(STOP_GRACE_MS)));
  };
  try {
    const timeoutMs = config.BENCH_PICKUP_STARTUP_TIMEOUT_SECONDS * 1000;
    const [temporalPort, apiPort] = (await findFreePorts(2)) as [number, number];
    const processes: SampledProcess[] = [];
    let temporalAddress: string;
    if (shape.server === 'dev') {
      const temporal = await startTemporalDevServer({
        cli: findTemporalCli(config.TEMPORAL_CLI),
        port: temporalPort,
        logFile: path.join(runDir, 'temporal.log'),
        timeoutMs,
      });
      started.push(temporal.child);
      processes.push({ name: 'temporal', pid: temporal.child.pid });
      temporalAddress = temporal.address;
    } else {
      const cluster = await startCluster(config, databaseUrl, runDir, temporalPort, timeoutMs);
      started.push(cluster.child);
      processes.push(...cluster.processes);
      temporalAddress = `127.0.0.1:${temporalPort}`;
    }

    const shared: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: config.BENCH_PICKUP_CHILD_LOG_LEVEL,
      DATABASE_POOL_SIZE: String(config.DATABASE_POOL_SIZE),
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_NAMESPACE: BENCH_NAMESPACE,
      TEMPORAL_TASK_QUEUE: BENCH_TASK_QUEUE,
    };
    const workers = Array.from({ length: shape.workers }, (_, index) => {
      const name = workerName(index);
      // The stock-sync schedule would add load of its own in the middle of a step.
      return startTypeScriptProcess(
        name,
        'worker/main.ts',
        // Metrics on any free port: N workers (and a running `npm run dev`) must not fight over one.
        {
          ...shared,
          DATABASE_URL: withApplicationName(databaseUrl, `bench-${name}`),
          STOCK_SYNC_ENABLED: 'false',
          WORKER_METRICS_PORT: '0',
        },
        runDir,
      );
    });
    started.push(...workers);
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const api = startTypeScriptProcess(
      'api',
      'api/main.ts',
      {
        ...shared,
        DATABASE_URL: withApplicationName(databaseUrl, API_CONNECTION_NAME),
        API_HOST: '127.0.0.1',
        API_PORT: String(apiPort),
        JWT_SECRET: randomBytes(32).toString('hex'),
      },
      runDir,
    );
    started.push(api);
    const deadWorker = () => workers.map((worker) => worker.exitDescription()).find((description) => description !== undefined);
    await waitUntil(
      `the API at ${apiUrl}/readyz`,
      async () => (await fetch(`${apiUrl}/readyz`, { signal: AbortSignal.timeout(2000) })).ok,
      { timeoutMs, giveUpIf: () => api.exitDescription() ?? deadWorker() },
    );
    await waitUntil(
      `${shape.workers} worker process(es) to poll the task queue (each bundles the workflows first)`,
      () =>
        workersPoll(
          temporalAddress,
          workers.map((worker) => worker.pid),
        ),
      { timeoutMs, intervalMs: 500, giveUpIf: deadWorker },
    );
    processes.push(...workers.map((worker) => ({ name: worker.name, pid: worker.pid })), { name: 'api', pid: api.pid });
    return {
      temporalAddress,
      apiUrl,
      historyShards: shape.server === 'dev' ? DEV_SERVER_SHARDS : config.TEMPORAL_HISTORY_SHARDS,
      processes,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
