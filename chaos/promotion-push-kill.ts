import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { driveKilledPromotionPush, type KilledPromotionRun } from '../test/promotions/support/promotion-kill-driver';
import { PromotionsWorld } from '../test/promotions/support/promotions-world';
import { type ChaosRow, emptyChaosRow } from './chaos-row';
import { startInProcessApi } from './in-process-api';
import { withDeadline } from './with-deadline';
import { WorkerPool } from './worker-pool';

/** The promotions crash test's world: two channels with small pages, so a push takes many batches to kill inside. */
const SKUS = 240;
const CHANNELS = ['web', 'pos'] as const;
const PAGE_SIZE = 40;
/**
 * Pages of one phase over both channels (price_change_batches rows, one per page and channel: 6 on each):
 * the kill must land before the last. The first full run spread its kills over 20 (the channels' request
 * batches) and so killed its third rollout after the push.
 */
const PAGES_PER_PHASE = CHANNELS.length * (SKUS / PAGE_SIZE);

export interface PromotionPushKillOptions {
  databaseUrl: string;
  temporalAddress: string;
  bundlePath: string;
  runDir: string;
  runs: number;
  /** From the kill: past it, a push not verified on every SKU-channel is lost (chaos/recovery-budget.ts, one kill). */
  appliedWithinMs: number;
  stickyQueueTimeoutMs: number;
}

/**
 * "promotion push SIGKILL": `runs` promotions over 240 SKUs on two channels, one after another, each with
 * the worker SIGKILLed mid-push after a different number of pages (test/promotions/support/promotion-kill-driver.ts)
 * and replaced; then cancelled, so the base prices are pushed back. Counted at the channel: every key
 * applied once and every SKU written once per phase (the sandbox's idempotency log), every SKU-channel
 * verified by read-back, the price shown the phase's, the run ended.
 */
export async function runPromotionPushKill(options: PromotionPushKillOptions): Promise<ChaosRow> {
  const world = new PromotionsWorld();
  await world.setUp(
    [
      { name: 'web', kind: 'WEB_STORE', maxBatchSize: 20, perSecond: 8 },
      { name: 'pos', kind: 'POS', maxBatchSize: 30, perSecond: 8 },
    ],
    SKUS,
  );
  const pool = new WorkerPool({
    runDir: options.runDir,
    taskQueue: `chaos-promotion-push-kill-${randomUUID()}`,
    bundlePath: options.bundlePath,
    databaseUrl: options.databaseUrl,
    temporalAddress: options.temporalAddress,
    gatewayUrl: `${world.sandboxUrl}/gateway`,
    stickyQueueTimeoutMs: options.stickyQueueTimeoutMs,
  });
  // The crash test's rollout settings: pages of 40, a 3 s page heartbeat timeout, quick channel retries.
  const { app, config, temporal } = startInProcessApi({
    prisma: world.prisma,
    databaseUrl: options.databaseUrl,
    temporalAddress: options.temporalAddress,
    taskQueue: pool.taskQueue,
    settings: {
      PROMOTION_PAGE_SIZE: String(PAGE_SIZE),
      PROMOTION_READBACK_DELAY_MS: '200',
      PROMOTION_CHANNEL_MAX_ATTEMPTS: '10',
      PROMOTION_CHANNEL_RETRY_INITIAL_MS: '200',
      PROMOTION_CHANNEL_HEARTBEAT_TIMEOUT_MS: '3000',
    },
  });
  const connection = await Connection.connect({ address: options.temporalAddress });
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  const row = emptyChaosRow('promotion push SIGKILL', options.runs);
  const killPoints: string[] = [];
  try {
    await pool.start();
    for (let index = 0; index < options.runs; index += 1) {
      // Spread over the push: after the first page, then a third and two thirds of the way.
      const killAfterBatches = 1 + Math.floor(((index % 3) * PAGES_PER_PHASE) / 3);
      let run: KilledPromotionRun;
      try {
        run = await withDeadline(
          driveKilledPromotionPush({
            app,
            client,
            world,
            secret: config.JWT_SECRET,
            worker: pool,
            channelNames: CHANNELS,
            killAfterBatches,
            appliedWithinMs: options.appliedWithinMs,
            name: `${world.prefix} chaos ${index + 1}`,
          }),
          // Creation and approval before the kill, the cancellation's restore after the push: as long again.
          2 * options.appliedWithinMs,
          `promotion ${index + 1} not ended within ${(2 * options.appliedWithinMs) / 1000} s`,
        );
      } catch (error) {
        row.lost += 1;
        row.problems.push(error instanceof Error ? error.message : String(error));
        continue;
      }
      killPoints.push(`${run.batchesAtKill} pages / ${run.verifiedAtKill} verified`);
      if (run.verifiedAtKill === run.skuChannels)
        row.problems.push(`promotion ${run.promotionId}: the kill came after every SKU-channel was verified, not mid-push`);
      if (run.status === 'ENDED' && run.applied === run.skuChannels) row.completed += 1;
      else {
        row.lost += 1;
        row.problems.push(
          `promotion ${run.promotionId}: ${run.applied} of ${run.skuChannels} SKU-channels verified, ended ${run.status ?? 'not at all'}`,
        );
      }
      if (run.movedAt !== undefined) row.maxRecoveryMs = Math.max(row.maxRecoveryMs, run.movedAt - run.killedAt);
      for (const writes of run.writes) {
        const where = `promotion ${run.promotionId} ${writes.channel} ${writes.phase}`;
        row.duplicatedEffects += writes.keysTwice.length;
        for (const key of writes.keysTwice) row.problems.push(`${where}: key ${key} applied twice`);
        if (writes.rows > SKUS) row.problems.push(`${where}: ${writes.rows} rows written for ${SKUS} SKUs`);
        if (writes.rows < SKUS) row.problems.push(`${where}: ${writes.rows} rows written for ${SKUS} SKUs`);
        row.duplicatedEffects += Math.max(0, writes.rows - SKUS);
        row.lost += Math.max(0, SKUS - writes.rows);
      }
      row.lost += run.wrongPrices.length;
      for (const wrong of run.wrongPrices.slice(0, 5)) row.problems.push(`promotion ${run.promotionId}: shown ${wrong}`);
    }
  } finally {
    await pool.stop();
    await connection.close().catch(() => undefined);
    await temporal.close().catch(() => undefined);
    await world.tearDown().catch(() => undefined);
  }
  row.notes = [
    `${SKUS} SKUs x ${CHANNELS.length} channels per promotion; killed at ${killPoints.join(', ')} (of ${SKUS * CHANNELS.length})`,
    'max recovery: from the kill until the push moved again (a new page written, or every SKU-channel verified)',
  ];
  return row;
}
