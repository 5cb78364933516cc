import { randomUUID } from 'node:crypto';
import { type Client } from '@temporalio/client';
import { SeededRandom } from '../channels/sandbox/seeded-random';
import { type PickupWorld } from '../test/pickup/support/pickup-world';
import { type ChaosRow } from './chaos-row';
import { effectsOf } from './pickup-effects';
import { drivePickupRun, pickupOutcomes, type RunRecord } from './pickup-run';
import { runDeadlineMs, type RecoveryTimeouts } from './recovery-budget';
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
  const pool = new WorkerPool({
    runDir: options.runDir,
    taskQueue,
    bundlePath: options.bundlePath,
    databaseUrl: options.databaseUrl,
    temporalAddress: options.temporalAddress,
    gatewayUrl: `${options.world.sandboxUrl}/gateway`,
    stickyQueueTimeoutMs: options.timeouts.stickyQueueTimeoutMs,
  });
  const start = {
    taskQueue,
    workflowTaskTimeoutMs: options.timeouts.workflowTaskTimeoutMs,
    ...(options.timeouts.activityTimeoutCapMs !== undefined && { activityTimeoutCapMs: options.timeouts.activityTimeoutCapMs }),
    runDeadlineMs: workerKillRunDeadlineMs(options),
  };
  await pool.start();
  const killedAt: number[] = [];
  const records: RunRecord[] = [];
  let finished = false;
  const killer = (async () => {
    for (let kill = 0; kill < options.kills && !finished; kill += 1) {
      const [min, max] = options.killGapMs;
      const gap = min + random.next() * (max - min);
      await new Promise((resolve) => setTimeout(resolve, gap));
      if (finished) return;
      killedAt.push(Date.now());
      await pool.kill();
      await pool.start();
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
    await pool.stop();
  }
  const slowestStart = Math.max(...pool.startMs);
  const row = await summarise(options, records, killedAt, pool.kills);
  // The deadline assumed replacements start within the allowance: with a run lost, say when one did not.
  if (row.lost > 0 && slowestStart > options.timeouts.workerStartMs)
    row.problems.push(`a worker took ${slowestStart} ms to poll, over the ${options.timeouts.workerStartMs} ms the run deadline allows`);
  return row;
}

async function summarise(options: WorkerKillOptions, records: RunRecord[], killedAt: number[], kills: number): Promise<ChaosRow> {
  const problems: string[] = [];
  let duplicatedEffects = 0;
  let lost = 0;
  let completed = 0;
  for (const record of records) {
    if (record.finalStep === record.outcome) completed += 1;
    else {
      lost += 1;
      problems.push(
        `order ${record.orderId}: meant ${record.outcome}, ended ${record.finalStep ?? 'not at all'} ${record.error ?? ''}`.trim(),
      );
    }
    const customer = await options.world.prisma.order.findUniqueOrThrow({ where: { id: record.orderId }, select: { customer: true } });
    const effects = await effectsOf(options.world, record, customer.customer?.phone ?? '');
    duplicatedEffects += effects.duplicated.length;
    lost += effects.missing.length;
    for (const problem of [...effects.duplicated, ...effects.missing]) problems.push(`order ${record.orderId}: ${problem}`);
  }
  return {
    fault: `worker SIGKILL x${kills}`,
    runs: records.length,
    completed,
    duplicatedEffects,
    lost,
    maxRecoveryMs: maxRecovery(records, killedAt),
    problems,
  };
}

/**
 * For each kill: how long until every run that was open at that moment moved again (a new step, or
 * closed). An upper bound: it includes activity timeouts of work the dead worker held and a run's own
 * short waits.
 */
function maxRecovery(records: RunRecord[], killedAt: number[]): number {
  let worst = 0;
  for (const at of killedAt) {
    for (const record of records) {
      const open = record.startedAt <= at && (record.endedAt === undefined || record.endedAt > at);
      if (!open) continue;
      const nextMove = record.progressAt.find((time) => time > at);
      if (nextMove !== undefined) worst = Math.max(worst, nextMove - at);
    }
  }
  return worst;
}
