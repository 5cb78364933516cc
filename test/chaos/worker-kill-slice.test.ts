import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { chaosRowIsClean, type ChaosRow } from '../../chaos/chaos-row';
import { type RecoveryTimeouts } from '../../chaos/recovery-budget';
import { runWorkerKill, workerKillRunDeadlineMs } from '../../chaos/worker-kill';
import { buildWorkflowBundle } from '../../chaos/worker-pool';
import { PickupWorld } from '../pickup/support/pickup-world';
import { testEnv } from '../support/env';

const runs = 8;
const kills = 2;
/**
 * Shortened through the runs' and workers' settings, so one kill holds a run up for at most about 35 s
 * (chaos/recovery-budget.ts) and a run's deadline, derived from them, still tells a lost run from a slow one.
 */
const timeouts: RecoveryTimeouts = {
  activityTimeoutCapMs: 8000,
  workflowTaskTimeoutMs: 5000,
  stickyQueueTimeoutMs: 5000,
  workerStartMs: 15_000,
};
const undisturbedRunMs = 30_000;
const runDeadlineMs = workerKillRunDeadlineMs({ undisturbedRunMs, kills, timeouts });
/** Bundling, the world and the counting of effects come on top of the slowest run. */
const SETUP_AND_CHECKS_MS = 60_000;

/**
 * The bounded slice of `npm run chaos` fault 1: 8 pickup runs (collected, cancelled, expired in turn)
 * on a task queue of their own, the worker SIGKILLed twice at random points; every run must end as
 * driven, with every reservation, refund and message exactly once.
 */
describe('chaos slice: worker SIGKILL during pickup runs', () => {
  const world = new PickupWorld();
  let connection: Connection;
  let row: ChaosRow;

  beforeAll(async () => {
    await world.setUp({ storeA: [50, 50], storeB: [0, 0] });
    connection = await Connection.connect({ address: testEnv.temporalAddress });
  });
  afterAll(async () => {
    await connection.close();
    await world.tearDown();
  });

  it(
    'finishes every run with nothing lost or done twice',
    async () => {
      // Printed with a failure (it is part of the compared object), so CHAOS_SEED=<seed> replays the kill points.
      const seed = Number(process.env.CHAOS_SEED ?? Date.now() % 100_000);
      const runDir = mkdtempSync(path.join(os.tmpdir(), 'chaos-slice-'));
      row = await runWorkerKill({
        client: new Client({ connection, namespace: testEnv.temporalNamespace }),
        world,
        databaseUrl: testEnv.databaseUrl,
        temporalAddress: testEnv.temporalAddress,
        bundlePath: await buildWorkflowBundle(runDir),
        runDir,
        runs,
        concurrency: runs,
        kills,
        killGapMs: [1000, 4000],
        seed,
        undisturbedRunMs,
        timeouts,
      });
      expect({ ...row, seed, clean: chaosRowIsClean(row) }).toMatchObject({
        seed,
        runs,
        completed: runs,
        duplicatedEffects: 0,
        lost: 0,
        problems: [],
        clean: true,
      });
      expect(row.fault).toBe(`worker SIGKILL x${kills}`);
    },
    runDeadlineMs + SETUP_AND_CHECKS_MS,
  );
});
