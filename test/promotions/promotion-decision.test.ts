import request from 'supertest';
import { createApp } from '../../api/app';
import { createLogger } from '../../api/logger';
import { createTemporalClient } from '../../api/temporal-client';
import {
  type DecisionChannelFigures,
  type PromotionDecisionPayload,
  type ShelfLabelPayload,
} from '../../domain/promotions/promotion-tasks';
import { promotionCancelledSignal, promotionRolloutQuery } from '../../domain/promotions/promotion-messages';
import { promotionWorkflowId } from '../../domain/promotions/promotion-rules';
import { type RollOutPromotionResult } from '../../domain/promotions/promotion-workflow';
import { testConfig } from '../api/support/test-app';
import { eventually } from '../support/eventually';
import { saveHistoryIfRecording } from '../support/histories';
import { startTestWorker } from '../support/temporal';
import { PromotionsWorld, type PromoUserKey } from './support/promotions-world';

/** SKUs per promotion; each scenario takes its own slice so the promotions never conflict. */
const PER_PROMOTION = 30;
const CHANNELS = ['web', 'mkt', 'pos'] as const;

/** A UTC wall-clock time `ms` from now, as the form sends it. */
const utcIn = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 19);

interface TaskRow {
  id: string;
  status: string;
  type: string;
  payload: unknown;
}

/**
 * The partial-rollout decision and the stores' shelf labels on the real stack (app, PostgreSQL, Temporal,
 * an in-process worker, a sandbox over HTTP with a web store, an async marketplace and a POS): a channel
 * in outage for the whole push opens a DECISION task for the ops leads; ROLL_BACK restores and verifies
 * the snapshot everywhere; RETRY_FAILED after the fault is lifted verifies every SKU; a channel whose
 * status is OUTAGE is skipped and reported unavailable; the POS's SKUs become shelf-label tasks.
 */
describe('promotion rollout: decision after a partial pass, shelf labels', () => {
  const world = new PromotionsWorld();
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let temporal: ReturnType<typeof createTemporalClient>;
  let app: ReturnType<typeof createApp>;
  let secret: string;
  const as = (key: PromoUserKey) => world.bearer(key, secret);

  beforeAll(async () => {
    await world.setUp(
      [
        { name: 'web', kind: 'WEB_STORE', maxBatchSize: 50, perSecond: 50 },
        { name: 'mkt', kind: 'MARKETPLACE', maxBatchSize: 25, perSecond: 50, asyncJobs: true },
        { name: 'pos', kind: 'POS', maxBatchSize: 100, perSecond: 50, rounding: { stepMinor: 100, endingMinor: 99 } },
      ],
      PER_PROMOTION * 3,
    );
    worker = await startTestWorker({ prisma: world.prisma, channels: world.channels });
    const config = testConfig({
      TEMPORAL_TASK_QUEUE: worker.taskQueue,
      WORKFLOW_START_RELAY_DELAY_MS: '0',
      PROMOTION_PAGE_SIZE: '20',
      PROMOTION_READBACK_DELAY_MS: '150',
      PROMOTION_MAX_REPUSHES: '3',
      PROMOTION_CHANNEL_MAX_ATTEMPTS: '2',
      PROMOTION_CHANNEL_RETRY_INITIAL_MS: '200',
      PROMOTION_RESTORE_RETRY_DELAY_MS: '500',
      PROMOTION_SHELF_LABEL_SKUS_PER_TASK: '20',
    });
    secret = config.JWT_SECRET;
    temporal = createTemporalClient(config);
    app = createApp({ prisma: world.prisma, temporal, config, logger: createLogger(config) });
  }, 120_000);
  afterAll(async () => {
    await worker?.stop();
    await temporal?.close();
    await world.tearDown();
  });

  const skusOf = (slice: number) => world.skus.slice(slice * PER_PROMOTION, (slice + 1) * PER_PROMOTION);

  /** Lead A creates, lead B approves; answers once the promotion is ACTIVE. */
  async function startPromotion(name: string, skus: string[], endsInMs = 600_000): Promise<string> {
    const created = await request(app)
      .post('/api/promotions')
      .set('Authorization', as('leadA'))
      .send({
        name: `${world.prefix} ${name}`,
        discount: { type: 'PERCENT', value: 20 },
        currency: 'EUR',
        timeZone: 'UTC',
        startsLocal: utcIn(1_000),
        endsLocal: utcIn(endsInMs),
        skus,
        channelCodes: CHANNELS.map((channel) => world.channelCode(channel)),
      });
    expect(created.status).toBe(201);
    const { id } = created.body as { id: string };
    const approval = await eventually(
      () => world.prisma.approvalRequest.findFirst({ where: { subjectId: id, status: 'PENDING' } }),
      (row) => row !== null,
      30_000,
    );
    const approved = await request(app)
      .post(`/api/approvals/${approval?.id ?? ''}/approve`)
      .set('Authorization', as('leadB'))
      .send({});
    expect(approved.status).toBe(200);
    return id;
  }

  const openTask = (workflowId: string, type: string) =>
    eventually(
      () => world.prisma.task.findFirst({ where: { workflowId, type: type as never, status: 'OPEN' }, orderBy: { createdAt: 'desc' } }),
      (row) => row !== null,
      60_000,
      200,
    ) as Promise<TaskRow | null>;

  const complete = (taskId: string, body: object, key: PromoUserKey = 'leadB') =>
    request(app).post(`/api/tasks/${taskId}/complete`).set('Authorization', as(key)).send(body);

  const figuresOf = (payload: PromotionDecisionPayload, name: string): DecisionChannelFigures | undefined =>
    payload.channels.find((channel) => channel.channel === world.channelCode(name));

  const appliedCount = (promotionId: string, name: string) =>
    world.prisma.priceChange.count({
      where: { promotionId, status: 'APPLIED', idempotencyKey: { startsWith: `price:${promotionId}:${world.channelCode(name)}:` } },
    });

  it('a channel down for the whole push: DECISION task with its figures; ROLL_BACK restores and verifies the snapshot everywhere', async () => {
    await world.setFaults('mkt', { outage: 'refuse' });
    const skus = skusOf(0);
    const id = await startPromotion('rollback', skus);
    const task = await openTask(promotionWorkflowId(id), 'PROMOTION_DECISION');
    expect(task).not.toBeNull();
    const payload = task?.payload as PromotionDecisionPayload;
    expect(payload.promotionId).toBe(id);
    expect(figuresOf(payload, 'mkt')).toEqual({
      channel: world.channelCode('mkt'),
      total: PER_PROMOTION,
      pushed: 0,
      verified: 0,
      failed: PER_PROMOTION,
      unavailable: true,
      failingSkus: [...skus].sort(),
    });
    // The outage did not hold up the others: both verified every SKU before the decision.
    expect(figuresOf(payload, 'web')).toMatchObject({ total: PER_PROMOTION, verified: PER_PROMOTION, failed: 0, unavailable: false });
    expect(figuresOf(payload, 'pos')).toMatchObject({ verified: PER_PROMOTION, failed: 0, unavailable: false, failingSkus: [] });
    expect((await world.shownPrices('web')).get(skus[0] ?? '')).toBe(8000);

    // Malformed decisions are 400s that change nothing; a clerk may not decide (head office's task).
    for (const body of [{ decision: 'ROLL_BACK' }, { decision: 'ACCEPT_PARTIAL', reason: '   ' }, { decision: 'SHRUG' }, {}]) {
      const refused = await complete(task?.id ?? '', body);
      expect([refused.status, JSON.stringify(body)]).toEqual([400, JSON.stringify(body)]);
    }
    expect((await complete(task?.id ?? '', { decision: 'RETRY_FAILED' }, 'clerk')).status).toBe(403);
    expect((await world.prisma.task.findUnique({ where: { id: task?.id ?? '' } }))?.status).toBe('OPEN');

    const decided = await complete(task?.id ?? '', { decision: 'ROLL_BACK', reason: 'marketplace is down, pull it everywhere' });
    expect(decided.status).toBe(200);
    expect((decided.body as TaskRow).status).toBe('DONE');
    expect((await complete(task?.id ?? '', { decision: 'ROLL_BACK', reason: 'twice' })).status).toBe(409);

    const handle = worker.client.workflow.getHandle(promotionWorkflowId(id));
    const result = (await handle.result()) as RollOutPromotionResult;
    expect(result.status).toBe('ROLLED_BACK');
    expect(result.reason).toContain('marketplace is down, pull it everywhere');
    const promotion = await world.prisma.promotion.findUniqueOrThrow({ where: { id } });
    expect(promotion.status).toBe('FAILED');
    // Every channel shows the snapshot again (the marketplace was never written), and the restores are read back.
    for (const name of CHANNELS) {
      const shown = await world.shownPrices(name);
      for (const sku of skus) expect([name, sku, shown.get(sku)]).toEqual([name, sku, world.basePriceMinor]);
    }
    for (const name of ['web', 'pos']) {
      const restores = await world.prisma.priceChange.count({
        where: { promotionId: id, status: 'APPLIED', idempotencyKey: { startsWith: `restore:${id}:${world.channelCode(name)}:` } },
      });
      expect([name, restores]).toEqual([name, PER_PROMOTION]);
      const reverted = await world.prisma.priceChange.count({
        where: { promotionId: id, status: 'REVERTED', channel: { code: world.channelCode(name) } },
      });
      expect([name, reverted]).toEqual([name, PER_PROMOTION]);
    }
    // A rolled-back promotion never changed a shelf label.
    expect(await world.prisma.task.count({ where: { type: 'SHELF_LABEL', workflowId: { startsWith: `promo:${id}:` } } })).toBe(0);
    await saveHistoryIfRecording(handle, 'promotion-rolled-back');
    await world.clearFaults('mkt');
  }, 180_000);

  it('RETRY_FAILED after the fault is lifted verifies every SKU; the POS SKUs become shelf-label tasks at the start and at the end', async () => {
    await world.setFaults('mkt', { outage: '503' });
    const skus = skusOf(1);
    const id = await startPromotion('retry', skus);
    const task = await openTask(promotionWorkflowId(id), 'PROMOTION_DECISION');
    expect(figuresOf(task?.payload as PromotionDecisionPayload, 'mkt')).toMatchObject({ unavailable: true, verified: 0 });
    await world.clearFaults('mkt');
    expect((await complete(task?.id ?? '', { decision: 'RETRY_FAILED' })).status).toBe(200);

    const verified = await eventually(
      () => appliedCount(id, 'mkt'),
      (count) => count === PER_PROMOTION,
      60_000,
      200,
    );
    expect(verified).toBe(PER_PROMOTION);
    const mkt = await world.shownPrices('mkt');
    for (const sku of skus) expect([sku, mkt.get(sku)]).toEqual([sku, 8000]);
    const handle = worker.client.workflow.getHandle(promotionWorkflowId(id));
    // No second decision: the retry left nothing short.
    const state = await eventually(
      () => handle.query(promotionRolloutQuery),
      (rollout) => rollout.step === 'ACTIVE' && (rollout.decisions?.length ?? 0) === 1,
      30_000,
    );
    expect(state.decisions).toEqual([{ round: 1, decision: 'RETRY_FAILED', reason: null, by: expect.any(String) as string }]);
    expect(state.decisionTaskId).toBeNull();

    // The store stocking the SKUs changes its labels to the till's promo price (.99 endings), 20 per task.
    const startLabels = await eventually(
      () =>
        world.prisma.task.findMany({
          where: { type: 'SHELF_LABEL', store: { code: world.storeCode }, workflowId: { startsWith: `promo:${id}:` } },
          orderBy: { idempotencyKey: 'asc' },
        }),
      (rows) => rows.length === 2,
      30_000,
    );
    const startPayloads = startLabels.map((row) => row.payload as unknown as ShelfLabelPayload);
    expect(startPayloads.map((payload) => [payload.phase, payload.part, payload.parts, payload.skuCount, payload.skus.length])).toEqual([
      ['START', 1, 2, PER_PROMOTION, 20],
      ['START', 2, 2, PER_PROMOTION, PER_PROMOTION - 20],
    ]);
    expect(startPayloads.flatMap((payload) => payload.skus.map((sku) => sku.sku))).toEqual([...skus].sort());
    expect(startPayloads[0]?.skus[0]).toEqual({
      sku: [...skus].sort()[0],
      name: `Promo test ${[...skus].sort()[0]}`,
      oldPriceMinor: world.basePriceMinor,
      newPriceMinor: 7999,
      currency: 'EUR',
    });
    // The clerk of the store completes part 1 (no body); part 2 is still open at the end.
    expect((await complete(startLabels[0]?.id ?? '', {}, 'clerk')).status).toBe(200);
    expect((await complete(startLabels[0]?.id ?? '', {}, 'clerk')).status).toBe(409);
    expect((await complete(startLabels[1]?.id ?? '', { labels: 'done' }, 'clerk')).status).toBe(400);

    await handle.signal(promotionCancelledSignal, { reason: 'test ends it now', userId: world.users.leadA.id });
    const result = (await handle.result()) as RollOutPromotionResult;
    expect(result.status).toBe('ENDED');
    for (const name of CHANNELS) {
      const shown = await world.shownPrices(name);
      for (const sku of skus) expect([name, sku, shown.get(sku)]).toEqual([name, sku, world.basePriceMinor]);
    }
    const labels = await eventually(
      () =>
        world.prisma.task.findMany({
          where: { type: 'SHELF_LABEL', workflowId: { startsWith: `promo:${id}:` } },
          orderBy: { idempotencyKey: 'asc' },
        }),
      (rows) =>
        rows.length === 4 && rows.every((row) => row.status !== 'OPEN' || (row.payload as unknown as ShelfLabelPayload).phase === 'END'),
      30_000,
    );
    expect(
      labels.map((row) => [
        (row.payload as unknown as ShelfLabelPayload).phase,
        (row.payload as unknown as ShelfLabelPayload).part,
        row.status,
      ]),
    ).toEqual([
      ['END', 1, 'OPEN'],
      ['END', 2, 'OPEN'],
      ['START', 1, 'DONE'],
      ['START', 2, 'CANCELLED'],
    ]);
    const endSku = (labels[0]?.payload as unknown as ShelfLabelPayload).skus[0];
    expect(endSku).toMatchObject({ oldPriceMinor: 7999, newPriceMinor: world.basePriceMinor });
    await saveHistoryIfRecording(handle, 'promotion-retried-then-cancelled');
    const startLabelRun = worker.client.workflow.getHandle(`promo:${id}:shelf-labels:start:${world.storeCode}`);
    expect(((await startLabelRun.result()) as { outcome: string }).outcome).toBe('SUPERSEDED');
    await saveHistoryIfRecording(startLabelRun, 'promotion-shelf-labels-superseded');
  }, 180_000);

  it('a channel whose status is OUTAGE is skipped (no request reaches it) and reported unavailable; ACCEPT_PARTIAL keeps the promotion live', async () => {
    await world.setChannelStatus('mkt', 'OUTAGE');
    const writesBefore = (await world.sandboxLog('mkt', 'idempotent_write')).length;
    const skus = skusOf(2);
    const id = await startPromotion('outage status', skus);
    const task = await openTask(promotionWorkflowId(id), 'PROMOTION_DECISION');
    const payload = task?.payload as PromotionDecisionPayload;
    expect(figuresOf(payload, 'mkt')).toMatchObject({ unavailable: true, pushed: 0, verified: 0, failed: PER_PROMOTION });
    expect(figuresOf(payload, 'web')).toMatchObject({ unavailable: false, verified: PER_PROMOTION });
    expect((await world.sandboxLog('mkt', 'idempotent_write')).length).toBe(writesBefore);
    const handle = worker.client.workflow.getHandle(promotionWorkflowId(id));
    const query = await handle.query(promotionRolloutQuery);
    expect(query.step).toBe('AWAITING_DECISION');
    expect(query.channels.find((channel) => channel.channelCode === world.channelCode('mkt'))).toMatchObject({
      outcome: 'UNAVAILABLE',
      skipped: true,
    });

    expect((await complete(task?.id ?? '', { decision: 'ACCEPT_PARTIAL' })).status).toBe(400);
    expect((await complete(task?.id ?? '', { decision: 'ACCEPT_PARTIAL', reason: 'marketplace joins when it is back' })).status).toBe(200);
    const state = await eventually(
      () => handle.query(promotionRolloutQuery),
      (rollout) => rollout.step === 'ACTIVE',
      30_000,
    );
    expect(state.decisions?.[0]).toMatchObject({ decision: 'ACCEPT_PARTIAL', reason: 'marketplace joins when it is back' });
    expect((await world.prisma.promotion.findUniqueOrThrow({ where: { id } })).status).toBe('ACTIVE');
    const audit = await world.prisma.auditEvent.findFirst({
      where: { entityType: 'Task', entityId: task?.id ?? '', action: 'task.complete' },
    });
    expect(JSON.stringify(audit?.after)).toContain('marketplace joins when it is back');

    await handle.signal(promotionCancelledSignal, { reason: 'test ends it now', userId: world.users.leadA.id });
    expect(((await handle.result()) as RollOutPromotionResult).status).toBe('ENDED');
    const web = await world.shownPrices('web');
    for (const sku of skus) expect([sku, web.get(sku)]).toEqual([sku, world.basePriceMinor]);
    // The restore had nothing to put back on the skipped channel: still no write reached it.
    expect((await world.sandboxLog('mkt', 'idempotent_write')).length).toBe(writesBefore);
    await world.setChannelStatus('mkt', 'ACTIVE');
  }, 180_000);
});
