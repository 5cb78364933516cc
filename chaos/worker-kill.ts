import { randomUUID } from 'node:crypto';
import { type Client } from '@temporalio/client';
import { SeededRandom } from '../channels/sandbox/seeded-random';
import { type PickupWorld } from '../test/pickup/support/pickup-world';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type ChaosRow } from './chaos-row';
import { longestSingleKillRecoveryMs, traceKills, worstRecoveries } from './kill-trace';
import { drivePickupRun, pickupOutcomes, type RunRecord } from './pickup-run';
import { runDeadlineMs, type RecoveryTimeouts } from './recovery-budget';
import { summariseRuns } from './run-summary';
import { WorkerPool } from './worker-pool';

export interface WorkerKillOptions {
  client: Client;
  world: PickupWorld;
  databaseUrl: string;
  temporalAddress: string;
  bundlePath: string;
  runDir: string;
  runs: number;
  /** Runs in flight at once: a kill cuts into all of them, at whatever point each has reached. */
  concurrency: number;
  kills: number;
  /**
   * Worker processes polling the row's task queue (default 1). With more, each kill takes one of them (in
   * turn) while the others poll on, and the killed one is replaced as with one.
   */
  workers?: number;
  /** A kill comes a random time in [min, max] ms after the replacement worker polls. */
  killGapMs: [number, number];
  seed: number;
  /** How long a run takes with no kill; its deadline adds every kill's worst stall (chaos/recovery-budget.ts). */
  undisturbedRunMs: number;
  /** The timeouts that bound a kill's stall; the runs and workers are started with them. */
  timeouts: RecoveryTimeouts;
}

/** A run not finished this long after its start counts as lost. */
export function workerKillRunDeadlineMs(options: Pick<WorkerKillOptions, 'undisturbedRunMs' | 'kills' | 'timeouts'>): number {
  return runDeadlineMs(options.undisturbedRunMs, options.kills, options.timeouts);
}

/**
 * Fault 1: the worker dies (SIGKILL) at random points while `runs` pickup runs are driven to collected,
 * cancelled or expired (in turn), a replacement starting right after each kill. Every run must finish,
 * with each effect exactly once.
 */
export async function runWorkerKill(options: WorkerKillOptions): Promise<ChaosRow> {
  const random = new SeededRandom(options.seed);
  const taskQueue = `chaos-worker-kill-${randomUUID()}`;
  const workers = options.workers ?? 1;
  const pools = Array.from(
    { length: workers },
    (_, index) =>
      new WorkerPool({
        runDir: options.runDir,
        taskQueue,
        bundlePath: options.bundlePath,
        databaseUrl: options.databaseUrl,
        temporalAddress: options.temporalAddress,
        gatewayUrl: `${options.world.sandboxUrl}/gateway`,
        stickyQueueTimeoutMs: options.timeouts.stickyQueueTimeoutMs,
        ...(workers > 1 && { name: `chaos-worker-${String.fromCharCode(97 + index)}` }),
      }),
  );
  const start = {
    taskQueue,
    workflowTaskTimeoutMs: options.timeouts.workflowTaskTimeoutMs,
    ...(options.timeouts.activityTimeoutCapMs !== undefined && { activityTimeoutCapMs: options.timeouts.activityTimeoutCapMs }),
    runDeadlineMs: workerKillRunDeadlineMs(options),
  };
  await Promise.all(pools.map((pool) => pool.start()));
  const killedAt: number[] = [];
  const replacementPolledMs: number[] = [];
  const records: RunRecord[] = [];
  let finished = false;
  const killer = (async () => {
    for (let kill = 0; kill < options.kills && !finished; kill += 1) {
      const [min, max] = options.killGapMs;
      const gap = min + random.next() * (max - min);
      await new Promise((resolve) => setTimeout(resolve, gap));
      if (finished) return;
      const pool = pools[kill % pools.length] as WorkerPool;
      killedAt.push(Date.now());
      await pool.kill();
      const replacing = Date.now();
      await pool.start();
      replacementPolledMs.push(Date.now() - replacing);
    }
  })();
  try {
    let next = 0;
    const lane = async () => {
      while (next < options.runs) {
        const index = next;
        next += 1;
        const outcome = pickupOutcomes[index % pickupOutcomes.length] ?? 'COLLECTED';
        records.push(await drivePickupRun(options.client, options.world, outcome, start));
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency, options.runs) }, lane));
  } finally {
    finished = true;
    await killer.catch(() => undefined);
    await Promise.all(pools.map((pool) => pool.stop()));
  }
  const slowestStart = Math.max(...pools.flatMap((pool) => pool.startMs));
  const kills = pools.reduce((sum, pool) => sum + pool.kills, 0);
  const fault = workers > 1 ? `worker SIGKILL x${kills}, ${workers} workers` : `worker SIGKILL x${kills}`;
  const row = await summariseRuns(options.world, fault, records, killedAt);
  // Per kill, which runs it caught where and how long each took to move again: the max recovery, traced.
  const traces = await traceKills(options.client, records, killedAt, replacementPolledMs);
  const tracePath = path.join(options.runDir, 'worker-kill-trace.json');
  await writeFile(tracePath, JSON.stringify(traces, null, 2));
  row.notes = [
    `longest recovery of a run no later kill reached first: ${(longestSingleKillRecoveryMs(traces) / 1000).toFixed(1)} s`,
    ...worstRecoveries(traces, 5),
    `every kill and the runs it caught: ${tracePath}`,
  ];
  // The deadline assumed replacements start within the allowance: with a run lost, say when one did not.
  if (row.lost > 0 && slowestStart > options.timeouts.workerStartMs)
    row.problems.push(`a worker took ${slowestStart} ms to poll, over the ${options.timeouts.workerStartMs} ms the run deadline allows`);
  return row;
}
