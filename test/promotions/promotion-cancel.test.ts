import { WorkflowFailedError } from '@temporalio/client';
import request from 'supertest';
import { promotionWorkflowId } from '../../domain/promotions/promotion-rules';
import { type RollOutPromotionResult } from '../../domain/promotions/promotion-workflow';
import { eventually } from '../support/eventually';
import { type AppOnTestWorker, startAppOnTestWorker } from '../support/app-on-test-worker';
import { PromotionsWorld, type PromoUserKey } from './support/promotions-world';

/** A UTC wall-clock time `ms` from now, as the form sends it. */
const utcIn = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 19);
const HOUR = 3_600_000;

/**
 * `POST /api/promotions/:id/cancel` on the real stack (app, PostgreSQL, Temporal, worker, a sandbox over
 * HTTP with a web store and a POS with .99 endings): who may, what is refused and writes nothing, and what
 * each status does: pending approval is cancelled at once and its run stopped; scheduled never goes live;
 * active is restored to the snapshot on every channel, proven by reading the channels back.
 */
describe('cancel a promotion', () => {
  const world = new PromotionsWorld();
  let stack: AppOnTestWorker | undefined;
  let worker: AppOnTestWorker['worker'];
  let app: AppOnTestWorker['app'];
  let secret: string;
  const as = (key: PromoUserKey) => world.bearer(key, secret);
  const channelNames = ['web', 'pos'];

  beforeAll(async () => {
    await world.setUp(
      [
        { name: 'web', kind: 'WEB_STORE', maxBatchSize: 50, perSecond: 50 },
        { name: 'pos', kind: 'POS', maxBatchSize: 50, perSecond: 50, rounding: { stepMinor: 100, endingMinor: 99 } },
      ],
      12,
    );
    stack = await startAppOnTestWorker(
      { prisma: world.prisma, channels: world.channels },
      {
        PROMOTION_READBACK_DELAY_MS: '100',
      },
    );
    ({ worker, app } = stack);
    secret = stack.config.JWT_SECRET;
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
    await world.tearDown();
  });

  const create = async (name: string, skus: string[], startsInMs: number) => {
    const created = await request(app)
      .post('/api/promotions')
      .set('Authorization', as('leadA'))
      .send({
        name: `${world.prefix} ${name}`,
        discount: { type: 'PERCENT', value: 20 },
        currency: 'EUR',
        timeZone: 'UTC',
        startsLocal: utcIn(startsInMs),
        endsLocal: utcIn(startsInMs + HOUR),
        skus,
        channelCodes: channelNames.map((channel) => world.channelCode(channel)),
      });
    expect(created.status).toBe(201);
    return (created.body as { id: string }).id;
  };
  const cancel = (id: string, body: unknown, key: PromoUserKey = 'leadA') =>
    request(app)
      .post(`/api/promotions/${id}/cancel`)
      .set('Authorization', as(key))
      .send(body as object);
  const statusOf = async (id: string) => (await world.prisma.promotion.findUniqueOrThrow({ where: { id } })).status;
  const approve = async (id: string) => {
    const approval = await eventually(
      () => world.prisma.approvalRequest.findFirst({ where: { subjectId: id, status: 'PENDING' } }),
      (row) => row !== null,
      60_000,
    );
    const approved = await request(app)
      .post(`/api/approvals/${approval?.id ?? ''}/approve`)
      .set('Authorization', as('leadB'))
      .send({});
    expect(approved.status).toBe(200);
  };
  /** What a refused request might have written: audit rows, queued signals, the status. */
  const traces = async (id: string) => ({
    audit: await world.prisma.auditEvent.count({ where: { entityId: id, action: 'promotion.cancel' } }),
    signals: (await world.prisma.workflowStart.findUnique({ where: { workflowId: promotionWorkflowId(id) } }))?.pendingSignals ?? [],
    status: await statusOf(id),
  });

  it('pending approval: refuses store staff and malformed input writing nothing, then cancels at once and stops the run', async () => {
    const id = await create('pending', world.skus.slice(0, 4), 2 * HOUR);
    await eventually(
      () => statusOf(id),
      (status) => status === 'PENDING_APPROVAL',
      30_000,
    );
    const pending = await eventually(
      () => world.prisma.approvalRequest.findFirst({ where: { subjectId: id, status: 'PENDING' } }),
      (row) => row !== null,
      30_000,
    );
    const before = await traces(id);

    expect((await cancel(id, { reason: 'not wanted' }, 'clerk')).status).toBe(403);
    for (const body of [{}, { reason: '' }, { reason: '   ' }, { reason: 'x'.repeat(501) }, { reason: 12 }, { reason: 'ok', extra: 1 }]) {
      const refused = await cancel(id, body);
      expect([JSON.stringify(body), refused.status]).toEqual([JSON.stringify(body), 400]);
    }
    expect(
      (await request(app).post('/api/promotions/not-a-uuid/cancel').set('Authorization', as('leadA')).send({ reason: 'x' })).status,
    ).toBe(400);
    expect(
      (
        await request(app)
          .post('/api/promotions/00000000-0000-4000-8000-000000000000/cancel')
          .set('Authorization', as('leadA'))
          .send({ reason: 'x' })
      ).status,
    ).toBe(404);
    expect(await traces(id)).toEqual(before);

    const cancelled = await cancel(id, { reason: '  the supplier pulled out  ' });
    expect(cancelled.status).toBe(202);
    expect((cancelled.body as { status: string }).status).toBe('CANCELLED');
    const audit = await world.prisma.auditEvent.findFirstOrThrow({ where: { entityId: id, action: 'promotion.cancel' } });
    expect(audit).toMatchObject({ actorUserId: world.users.leadA.id, after: { reason: 'the supplier pulled out', status: 'CANCELLED' } });
    // The run waiting for the approval is stopped by Temporal's cancel: nothing was pushed.
    await expect(worker.client.workflow.getHandle(promotionWorkflowId(id)).result()).rejects.toBeInstanceOf(WorkflowFailedError);
    expect((await worker.client.workflow.getHandle(promotionWorkflowId(id)).describe()).status.name).toBe('CANCELLED');
    expect(await world.prisma.priceChange.count({ where: { promotionId: id } })).toBe(0);

    // Its approval request is withdrawn with the cancel: gone from the inbox, and no longer decidable.
    const withdrawn = await world.prisma.approvalRequest.findUniqueOrThrow({ where: { id: pending?.id ?? '' } });
    expect(withdrawn).toMatchObject({
      status: 'WITHDRAWN',
      withdrawnByUserId: world.users.leadA.id,
      reason: 'the supplier pulled out',
      decidedByUserId: null,
    });
    expect(await world.prisma.auditEvent.count({ where: { entityId: withdrawn.id, action: 'approval.withdraw' } })).toBe(1);
    const inbox = await request(app)
      .get('/api/approvals')
      .query({ filter: JSON.stringify({ status: 'PENDING', subjectType: 'PROMOTION' }), range: '[0,99]' })
      .set('Authorization', as('leadB'));
    expect(inbox.status).toBe(200);
    expect((inbox.body as { id: string }[]).map((row) => row.id)).not.toContain(withdrawn.id);
    const late = await request(app).post(`/api/approvals/${withdrawn.id}/approve`).set('Authorization', as('leadB')).send({});
    expect([late.status, (late.body as { message: string }).message]).toEqual([409, 'This request is withdrawn']);

    const again = await cancel(id, { reason: 'twice' });
    expect(again.status).toBe(409);
    expect((again.body as { message: string }).message).toMatch(/cancelled already/);
  }, 120_000);

  it('scheduled: its run stops before the start and nothing is pushed; a second cancel is a 409', async () => {
    const id = await create('scheduled', world.skus.slice(4, 8), 2 * HOUR);
    await approve(id);
    await eventually(
      () => statusOf(id),
      (status) => status === 'SCHEDULED',
      30_000,
    );
    const accepted = await cancel(id, { reason: 'moved to next month' }, 'leadB');
    expect(accepted.status).toBe(202);
    const underWay = await cancel(id, { reason: 'again' });
    expect(underWay.status).toBe(409);
    const result = (await worker.client.workflow.getHandle(promotionWorkflowId(id)).result()) as RollOutPromotionResult;
    expect(result).toMatchObject({ status: 'CANCELLED', reason: 'moved to next month' });
    expect(await statusOf(id)).toBe('CANCELLED');
    expect(await world.prisma.priceChange.count({ where: { promotionId: id } })).toBe(0);
    expect(
      await world.prisma.auditEvent.count({ where: { entityId: id, action: 'promotion.cancel', actorUserId: world.users.leadB.id } }),
    ).toBe(1);
  }, 120_000);

  it('active: every channel is restored to the snapshot and verified by read-back, and the ended promotion refuses another cancel', async () => {
    const skus = world.skus.slice(8, 12);
    const id = await create('active', skus, 1_000);
    await approve(id);
    await eventually(
      () => world.prisma.priceChange.count({ where: { promotionId: id, status: 'APPLIED', idempotencyKey: { startsWith: 'price:' } } }),
      (count) => count === skus.length * channelNames.length,
      90_000,
      250,
    );
    for (const sku of skus) expect([sku, (await world.shownPrices('pos')).get(sku)]).toEqual([sku, 7999]);

    const accepted = await cancel(id, { reason: 'pricing error on the flyer' });
    expect(accepted.status).toBe(202);
    const result = (await worker.client.workflow.getHandle(promotionWorkflowId(id)).result()) as RollOutPromotionResult;
    expect(result.status).toBe('ENDED');
    expect(result.reason).toBe('pricing error on the flyer');
    expect(await statusOf(id)).toBe('ENDED');
    for (const channel of channelNames) {
      const shown = await world.shownPrices(channel);
      for (const sku of skus) expect([channel, sku, shown.get(sku)]).toEqual([channel, sku, world.basePriceMinor]);
    }
    // The restores are proven, not assumed: one verified restore row per SKU and channel.
    expect(
      await world.prisma.priceChange.count({ where: { promotionId: id, idempotencyKey: { startsWith: 'restore:' }, status: 'APPLIED' } }),
    ).toBe(skus.length * channelNames.length);
    const ended = await cancel(id, { reason: 'once more' });
    expect(ended.status).toBe(409);
    expect((ended.body as { message: string }).message).toMatch(/ended already/);
  }, 180_000);

  it('a promotion without a run cannot be cancelled through it: 409, nothing written', async () => {
    const row = await world.prisma.promotion.create({
      data: {
        name: `${world.prefix} no run`,
        discountType: 'PERCENT',
        discountValue: 10,
        currency: 'EUR',
        startsAt: new Date(Date.now() + HOUR),
        endsAt: new Date(Date.now() + 2 * HOUR),
        status: 'SCHEDULED',
        requestedByUserId: world.users.leadA.id,
      },
    });
    const refused = await cancel(row.id, { reason: 'no run' });
    expect(refused.status).toBe(409);
    expect((refused.body as { message: string }).message).toMatch(/no run/);
    expect(await traces(row.id)).toEqual({ audit: 0, signals: [], status: 'SCHEDULED' });
  });
});
