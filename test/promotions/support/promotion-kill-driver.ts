import { type Client } from '@temporalio/client';
import { type Express } from 'express';
import request from 'supertest';
import { promotionCancelledSignal } from '../../../domain/promotions/promotion-messages';
import { promotionWorkflowId } from '../../../domain/promotions/promotion-rules';
import { type RollOutPromotionResult } from '../../../domain/promotions/promotion-workflow';
import { eventually } from '../../support/eventually';
import { type PromotionsWorld, type SandboxLogEvent } from './promotions-world';

/** The one worker process of the run: SIGKILL it, start a replacement. */
export interface KillableWorker {
  kill(): Promise<void>;
  start(): Promise<void>;
}

/** What one phase (`price:` the promotion's prices, `restore:` the base prices back) wrote to one channel. */
export interface PhaseWrites {
  channel: string;
  phase: 'price' | 'restore';
  /** Idempotency keys the channel applied more than once (its idempotency log): none is right. */
  keysTwice: string[];
  /** Rows applied under all of the phase's keys: every SKU once, so the world's SKU count, is right. */
  rows: number;
}

export interface KilledPromotionRun {
  promotionId: string;
  /** SKU-channel pairs the promotion covers. */
  skuChannels: number;
  /** Pages written and SKU-channels verified (read back) when the worker died: mid-push is fewer than all. */
  batchesAtKill: number;
  verifiedAtKill: number;
  /** SKU-channels verified by read-back (status APPLIED) once the replacement had the push. */
  applied: number;
  /** The workflow's end (ENDED after the cancellation); undefined if the push never completed. */
  status?: RollOutPromotionResult['status'];
  writes: PhaseWrites[];
  /** SKU-channels the channel showed at another price than the phase set (the promoted price, then the base). */
  wrongPrices: string[];
  killedAt: number;
  /** When the push moved again after the kill (a new page written, or every SKU-channel verified). */
  movedAt?: number;
  wallMs: number;
}

/** Rows each idempotency key applied on the channel, from the sandbox's idempotency log. */
function rowsByKey(events: SandboxLogEvent[], prefix: string): Map<string, number[]> {
  const byKey = new Map<string, number[]>();
  for (const event of events) {
    const key = String(event.detail.key);
    if (!key.startsWith(prefix)) continue;
    byKey.set(key, [...(byKey.get(key) ?? []), Number(event.detail.rows)]);
  }
  return byKey;
}

/**
 * One promotion over every SKU of the world on `channelNames`, created by one ops lead and approved by the
 * other through the API, whose worker is SIGKILLed once `killAfterBatches` pages were written (price_change_batches rows, one per page and channel) and replaced;
 * when every SKU-channel is verified the promotion is cancelled (its prices restored). Reports what the
 * channel's own logs show. Used by test/promotions/promotion-worker-crash.test.ts and the chaos row
 * chaos/promotion-push-kill.ts.
 */
export async function driveKilledPromotionPush(options: {
  app: Express;
  client: Client;
  world: PromotionsWorld;
  secret: string;
  worker: KillableWorker;
  channelNames: readonly string[];
  killAfterBatches: number;
  /** How long after the kill every SKU-channel must be verified. */
  appliedWithinMs: number;
  name?: string;
}): Promise<KilledPromotionRun> {
  const { app, client, world, secret, worker, channelNames } = options;
  const startedAt = Date.now();
  const skuChannels = world.skus.length * channelNames.length;
  const discountPercent = 20;
  const created = await request(app)
    .post('/api/promotions')
    .set('Authorization', world.bearer('leadA', secret))
    .send({
      name: options.name ?? `${world.prefix} crash`,
      discount: { type: 'PERCENT', value: discountPercent },
      currency: 'EUR',
      timeZone: 'UTC',
      startsLocal: new Date(Date.now() + 1000).toISOString().slice(0, 19),
      endsLocal: new Date(Date.now() + 3600_000).toISOString().slice(0, 19),
      skus: world.skus,
      channelCodes: channelNames.map((name) => world.channelCode(name)),
    });
  if (created.status !== 201) throw new Error(`promotion refused: ${created.status} ${JSON.stringify(created.body)}`);
  const { id } = created.body as { id: string };
  const approval = await eventually(
    () => world.prisma.approvalRequest.findFirst({ where: { subjectId: id, status: 'PENDING' } }),
    (row) => row !== null,
    30_000,
  );
  const approved = await request(app)
    .post(`/api/approvals/${approval?.id ?? ''}/approve`)
    .set('Authorization', world.bearer('leadB', secret))
    .send({});
  if (approved.status !== 200) throw new Error(`approval refused: ${approved.status} ${JSON.stringify(approved.body)}`);

  const batches = () => world.prisma.priceChangeBatch.count({ where: { promotionId: id } });
  const verified = () =>
    world.prisma.priceChange.count({ where: { promotionId: id, status: 'APPLIED', idempotencyKey: { startsWith: 'price:' } } });
  const batchesAtKill = await eventually(batches, (count) => count >= options.killAfterBatches, 60_000, 50);
  await worker.kill();
  const killedAt = Date.now();
  const verifiedAtKill = await verified();
  await worker.start();

  let movedAt: number | undefined;
  const applied = await eventually(
    async () => {
      const [written, done] = await Promise.all([batches(), verified()]);
      if (movedAt === undefined && (written > batchesAtKill || done === skuChannels)) movedAt = Date.now();
      return done;
    },
    (count) => count === skuChannels,
    options.appliedWithinMs - (Date.now() - killedAt),
    250,
  );
  const wrongPrices: string[] = [];
  const promotedMinor = Math.round((world.basePriceMinor * (100 - discountPercent)) / 100);
  const checkShown = async (expected: number, what: string) => {
    for (const name of channelNames) {
      const shown = await world.shownPrices(name);
      for (const sku of world.skus)
        if (shown.get(sku) !== expected) wrongPrices.push(`${name} ${sku}: ${String(shown.get(sku))}, ${what} ${expected}`);
    }
  };
  let status: RollOutPromotionResult['status'] | undefined;
  if (applied === skuChannels) {
    await checkShown(promotedMinor, 'promoted');
    const handle = client.workflow.getHandle(promotionWorkflowId(id));
    await handle.signal(promotionCancelledSignal, { reason: 'crash run done', userId: world.users.leadA.id });
    status = ((await handle.result()) as RollOutPromotionResult).status;
    await checkShown(world.basePriceMinor, 'base');
  }

  const writes: PhaseWrites[] = [];
  for (const channel of channelNames) {
    const events = await world.sandboxLog(channel, 'idempotent_write');
    for (const phase of ['price', 'restore'] as const) {
      const byKey = rowsByKey(events, `${phase}:${id}:`);
      writes.push({
        channel,
        phase,
        keysTwice: [...byKey].filter(([, rows]) => rows.length > 1).map(([key]) => key),
        rows: [...byKey.values()].flat().reduce((sum, count) => sum + count, 0),
      });
    }
  }
  return {
    promotionId: id,
    skuChannels,
    batchesAtKill,
    verifiedAtKill,
    applied,
    ...(status !== undefined && { status }),
    writes,
    wrongPrices,
    killedAt,
    ...(movedAt !== undefined && { movedAt }),
    wallMs: Date.now() - startedAt,
  };
}
