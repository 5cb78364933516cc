import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { type PickupBenchConfig } from './config';
import { type BenchChild, startChild } from './child-process';
import { findFreePorts } from './free-ports';
import { findTemporalCli, startTemporalDevServer } from './temporal-dev-server';
import { waitUntil } from './wait-until';

const repoRoot = path.resolve(__dirname, '..', '..');

export const BENCH_NAMESPACE = 'default';
export const BENCH_TASK_QUEUE = 'omnichannel';
/** application_name of each process's connections, so the pool sampler can tell them apart. */
export const connectionNames = { api: 'bench-api', worker: 'bench-worker' } as const;

export interface BenchStack {
  temporalAddress: string;
  apiUrl: string;
  temporal: BenchChild;
  worker: BenchChild;
  api: BenchChild;
  stop(): Promise<void>;
}

const STOP_GRACE_MS = 10_000;

function withApplicationName(databaseUrl: string, name: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set('application_name', name);
  return url.toString();
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

async function workerPolls(address: string): Promise<boolean> {
  const connection = await Connection.connect({ address });
  try {
    // An unspecified task queue type means the workflow queue, which a worker polls once it is running.
    const { pollers } = await connection.workflowService.describeTaskQueue({
      namespace: BENCH_NAMESPACE,
      taskQueue: { name: BENCH_TASK_QUEUE },
    });
    return pollers.length > 0;
  } finally {
    await connection.close();
  }
}

/**
 * The bench's private stack: Temporal dev server, one worker and the API as child processes, exactly
 * as deployed (`worker/main.ts`, `api/main.ts`), on the bench database and free ports. stop() ends
 * every process it started, whichever step failed.
 */
export type BenchStackConfig = Pick<
  PickupBenchConfig,
  'BENCH_PICKUP_STARTUP_TIMEOUT_SECONDS' | 'TEMPORAL_CLI' | 'BENCH_PICKUP_CHILD_LOG_LEVEL' | 'DATABASE_POOL_SIZE'
>;

export async function startBenchStack(
  config: BenchStackConfig,
  databaseUrl: string,
  runDir: string,
  /** Settings for the API (and worker) beyond the deployment's defaults, e.g. load shedding for an overload step. */
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<BenchStack> {
  const started: BenchChild[] = [];
  const stop = async () => {
    await Promise.all(started.reverse().map((child) => child.stop(STOP_GRACE_MS)));
  };
  try {
    const timeoutMs = config.BENCH_PICKUP_STARTUP_TIMEOUT_SECONDS * 1000;
    const [temporalPort, apiPort] = (await findFreePorts(2)) as [number, number];
    const temporal = await startTemporalDevServer({
      cli: findTemporalCli(config.TEMPORAL_CLI),
      port: temporalPort,
      logFile: path.join(runDir, 'temporal.log'),
      timeoutMs,
    });
    started.push(temporal.child);

    const shared: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: config.BENCH_PICKUP_CHILD_LOG_LEVEL,
      DATABASE_POOL_SIZE: String(config.DATABASE_POOL_SIZE),
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: BENCH_NAMESPACE,
      TEMPORAL_TASK_QUEUE: BENCH_TASK_QUEUE,
      ...extraEnv,
    };
    // The stock-sync schedule would add load of its own in the middle of a step.
    const worker = startTypeScriptProcess(
      'worker',
      'worker/main.ts',
      { ...shared, DATABASE_URL: withApplicationName(databaseUrl, connectionNames.worker), STOCK_SYNC_ENABLED: 'false' },
      runDir,
    );
    started.push(worker);
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const api = startTypeScriptProcess(
      'api',
      'api/main.ts',
      {
        ...shared,
        DATABASE_URL: withApplicationName(databaseUrl, connectionNames.api),
        API_HOST: '127.0.0.1',
        API_PORT: String(apiPort),
        JWT_SECRET: randomBytes(32).toString('hex'),
      },
      runDir,
    );
    started.push(api);
    await waitUntil(
      `the API at ${apiUrl}/readyz`,
      async () => (await fetch(`${apiUrl}/readyz`, { signal: AbortSignal.timeout(2000) })).ok,
      {
        timeoutMs,
        giveUpIf: () => api.exitDescription() ?? worker.exitDescription(),
      },
    );
    await waitUntil('the worker to poll its task queue (it bundles the workflows first)', () => workerPolls(temporal.address), {
      timeoutMs,
      intervalMs: 500,
      giveUpIf: () => worker.exitDescription(),
    });
    return { temporalAddress: temporal.address, apiUrl, temporal: temporal.child, worker, api, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
