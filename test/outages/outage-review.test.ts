import request from 'supertest';
import { createApp } from '../../api/app';
import { createLogger } from '../../api/logger';
import { createTemporalClient } from '../../api/temporal-client';
import { outageTimelineQuery } from '../../domain/outages/outage-messages';
import { testConfig } from '../api/support/test-app';
import { eventually } from '../support/eventually';
import { saveHistoryIfRecording } from '../support/histories';
import { startTestWorker } from '../support/temporal';
import { OutagesWorld, type OutagesUserKey } from './support/outages-world';

interface Row {
  id: string;
  class: string;
  sku: string;
  status: string;
  journalQty: number | null;
  systemQty: number | null;
  channelQty: number | null;
  proposedDelta: number;
  valueMinor: number;
  requiresFourEyes: boolean;
  firstApprovedBy: { email: string } | null;
  decidedBy: { email: string } | null;
}

/**
 * A store outage reviewed end to end (real app, PostgreSQL, Temporal, worker): the manager acknowledges
 * the checklist, the store counts five SKUs, the run applies the paper journal and diffs the counts.
 * Drift within tolerance is fixed by itself; beyond it head office reviews: four-eyes above the value
 * (the same person twice is 403), a bulk approve by filter, a bulk reject, the double sale fulfilled
 * from store B. Then the corrections land in the ledger once each, the measures are lifted and the
 * outage closes with its report and who decided what.
 */
describe('outage review', () => {
  const world = new OutagesWorld(6);
  const price = world.unitPriceMinor;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let temporal: ReturnType<typeof createTemporalClient>;
  let app: ReturnType<typeof createApp>;
  let secret: string;
  const as = (key: OutagesUserKey) => world.bearer(key, secret);
  const level = (sku: string, storeId = world.storeA) =>
    world.prisma.inventoryLevel.findFirstOrThrow({ where: { storeId, product: { sku } } });
  const rows = async (outageId: string, filter: object = {}) => {
    const res = await request(app)
      .get('/api/discrepancies')
      .query({ filter: JSON.stringify({ outageId, ...filter }), range: '[0,49]' })
      .set('Authorization', as('opsLead'));
    expect(res.status).toBe(200);
    return res.body as Row[];
  };
  const decide = (key: OutagesUserKey, id: string, body: object) =>
    request(app).post(`/api/discrepancies/${id}/decision`).set('Authorization', as(key)).send(body);
  const tasksOf = async (workflowId: string, type: string, key: OutagesUserKey = 'managerA') => {
    const res = await request(app)
      .get('/api/tasks')
      .query({ filter: JSON.stringify({ workflowId, type: [type] }) })
      .set('Authorization', as(key));
    return res.body as { id: string; status: string; queue: string; payload: Record<string, unknown> }[];
  };

  beforeAll(async () => {
    await world.setUp();
    await world.prisma.inventoryLevel.updateMany({
      where: { storeId: world.storeA, product: { sku: world.sku(2) } },
      data: { onHand: 1, reserved: 1 },
    });
    const product2 = await world.prisma.product.findUniqueOrThrow({ where: { sku: world.sku(2) } });
    await world.prisma.inventoryLevel.create({ data: { storeId: world.storeB, productId: product2.id, onHand: 5 } });
    worker = await startTestWorker({ prisma: world.prisma });
    const config = testConfig({
      TEMPORAL_TASK_QUEUE: worker.taskQueue,
      WORKFLOW_START_RELAY_DELAY_MS: '0',
      OUTAGE_STORE_HOLD_PERCENT: '40',
      RECONCILIATION_TOLERANCE_UNITS: '2',
      RECONCILIATION_TOLERANCE_VALUE_MINOR: String(2 * price),
      RECONCILIATION_FOUR_EYES_ABOVE_MINOR: String(3 * price),
      OUTAGE_PUBLISH_READBACK_DELAY_MS: '0',
    });
    secret = config.JWT_SECRET;
    temporal = createTemporalClient(config);
    app = createApp({ prisma: world.prisma, temporal, config, logger: createLogger(config) });
  });
  afterAll(async () => {
    await worker.stop();
    await temporal.close();
    await world.tearDown();
  });

  it('reviews, applies once and reports who decided what', async () => {
    const declared = await request(app)
      .post('/api/outages')
      .set('Authorization', as('managerA'))
      .send({ kind: 'STORE', storeId: world.storeA, cause: 'our internet is down' });
    expect(declared.status).toBe(201);
    const outageId = (declared.body as { outage: { id: string; workflowId: string } }).outage.id;
    const workflowId = (declared.body as { outage: { workflowId: string } }).outage.workflowId;
    const handle = worker.client.workflow.getHandle(workflowId);

    // The checklist: in the store's manager queue, a clerk of the store cannot acknowledge it, the manager does.
    const [checklist] = await eventually(
      () => tasksOf(workflowId, 'OUTAGE_CHECKLIST'),
      (t) => t.length === 1,
    );
    expect(checklist).toMatchObject({ status: 'OPEN', queue: 'MANAGER', payload: { outageId, storeId: world.storeA } });
    expect((checklist?.payload.steps as string[]).length).toBeGreaterThan(0);
    const ack = (key: OutagesUserKey, body: object) =>
      request(app).post(`/api/tasks/${checklist?.id}/complete`).set('Authorization', as(key)).send(body);
    expect((await ack('clerkA', { acknowledged: true })).status).toBe(403);
    expect((await ack('managerA', { acknowledged: false })).status).toBe(400);
    expect((await ack('managerA', { acknowledged: true })).status).toBe(200);
    expect((await ack('managerA', { acknowledged: true })).status).toBe(409);

    // A stock count: unknown SKUs and another store's clerk refused, nothing written.
    const countUrl = `/api/stores/${world.storeA}/stock-counts`;
    const tasksBefore = await world.prisma.task.count({ where: { workflowId } });
    expect(
      (
        await request(app)
          .post(countUrl)
          .set('Authorization', as('clerkB'))
          .send({ skus: [world.sku(0)] })
      ).status,
    ).toBe(403);
    expect(
      (
        await request(app)
          .post(countUrl)
          .set('Authorization', as('managerA'))
          .send({ skus: ['NOPE'] })
      ).status,
    ).toBe(400);
    expect((await request(app).post(countUrl).set('Authorization', as('managerA')).send({ skus: [] })).status).toBe(400);
    expect(await world.prisma.task.count({ where: { workflowId } })).toBe(tasksBefore);
    const counted = [0, 1, 3, 4, 5].map((i) => world.sku(i));
    const requested = await request(app).post(countUrl).set('Authorization', as('managerA')).send({ skus: counted });
    expect(requested.status).toBe(201);
    const countTask = requested.body as { id: string };
    const complete = (body: object) =>
      request(app).post(`/api/tasks/${countTask.id}/complete`).set('Authorization', as('clerkA')).send(body);
    expect((await complete({ counts: [{ sku: world.sku(0), counted: 17 }] })).status).toBe(400);
    expect((await complete({ counts: counted.map((sku) => ({ sku, counted: -1 })) })).status).toBe(400);
    const shelf: Record<string, number> = {
      [world.sku(0)]: 17,
      [world.sku(1)]: 16,
      [world.sku(3)]: 23,
      [world.sku(4)]: 24,
      [world.sku(5)]: 20,
    };
    const done = await eventually(
      () => complete({ counts: counted.map((sku) => ({ sku, counted: shelf[sku] })) }),
      (res) => res.status !== 409,
    );
    expect(done.status).toBe(200);

    // Paper sales: 2 of SKU 0, and SKU 2's last unit (reserved online): a double sale.
    const csv = [
      'receipt_number,sold_at,currency,sku,quantity,unit_price_minor',
      `R-1,2026-12-02T09:00:00+07:00,IDR,${world.sku(0)},2,${price}`,
      `R-2,2026-12-02T10:00:00+07:00,IDR,${world.sku(2)},1,${price}`,
    ].join('\n');
    const imported = await request(app)
      .post(`/api/stores/${world.storeA}/offline-sales/import`)
      .set('Authorization', as('managerA'))
      .set('content-type', 'text/csv')
      .send(csv);
    expect(imported.body).toMatchObject({ created: 2, errors: 0 });
    expect(
      (await request(app).post(`/api/outages/${outageId}/end`).set('Authorization', as('managerA')).send({ reason: 'back online' })).status,
    ).toBe(202);

    await eventually(
      () => handle.query(outageTimelineQuery),
      (t) => t.currentStep === 'REVIEWING',
      30_000,
    );
    const [review] = await eventually(
      () => tasksOf(workflowId, 'RECONCILIATION_REVIEW', 'admin'),
      (t) => t.length === 1,
    );
    expect(review).toMatchObject({ status: 'OPEN', queue: 'ADMIN', payload: { outageId, pending: 4 } });
    expect((await tasksOf(workflowId, 'RECONCILIATION_REVIEW', 'managerA')).length).toBe(0);

    const all = await rows(outageId);
    const bySku = (sku: string, cls = 'STOCK_DRIFT') => all.find((r) => r.sku === sku && r.class === cls) as Row;
    // Within tolerance: fixed by itself (SKU 0: 18 expected, 17 counted; SKU 5 agrees).
    expect(bySku(world.sku(0))).toMatchObject({ status: 'AUTO_FIXED', journalQty: 2, systemQty: 18, channelQty: 17, proposedDelta: -1 });
    expect(all.some((r) => r.sku === world.sku(5))).toBe(false);
    expect(bySku(world.sku(1))).toMatchObject({ status: 'PENDING', proposedDelta: -4, requiresFourEyes: true, valueMinor: 4 * price });
    expect(bySku(world.sku(3))).toMatchObject({ status: 'PENDING', proposedDelta: 3, requiresFourEyes: false });
    expect(bySku(world.sku(4))).toMatchObject({ status: 'PENDING', proposedDelta: 4, requiresFourEyes: true });
    const doubleSale = bySku(world.sku(2), 'DOUBLE_SALE');
    expect(doubleSale).toMatchObject({ status: 'PENDING', proposedDelta: -1 });
    expect((await rows(outageId, { class: 'STOCK_DRIFT', minValueMinor: 4 * price })).map((r) => r.sku).sort()).toEqual(
      [world.sku(1), world.sku(4)].sort(),
    );

    // Refusals write nothing: store staff, a malformed body, a stock approval of a double sale.
    const untouched = async () => (await rows(outageId)).filter((r) => r.status === 'PENDING').length;
    expect((await decide('managerA', bySku(world.sku(1)).id, { decision: 'APPROVE' })).status).toBe(403);
    expect((await decide('opsLead', bySku(world.sku(1)).id, { decision: 'MAYBE' })).status).toBe(400);
    expect((await decide('opsLead', bySku(world.sku(1)).id, { decision: 'APPROVE', correctedDelta: 1.5 })).status).toBe(400);
    expect((await decide('opsLead', doubleSale.id, { decision: 'APPROVE' })).status).toBe(400);
    expect((await decide('opsLead', doubleSale.id, { decision: 'FULFIL_FROM_STORE', storeId: world.storeA })).status).toBe(400);
    expect(await untouched()).toBe(4);

    // Four-eyes: the first approval waits for a second person; the same one again is 403.
    const first = await decide('opsLead', bySku(world.sku(1)).id, { decision: 'APPROVE', reason: 'recounted' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ discrepancy: { status: 'AWAITING_SECOND_APPROVAL' }, review: { pending: 4, settled: false } });
    expect((await decide('opsLead', bySku(world.sku(1)).id, { decision: 'APPROVE' })).status).toBe(403);
    const second = await decide('admin', bySku(world.sku(1)).id, { decision: 'APPROVE' });
    expect(second.body).toMatchObject({ discrepancy: { status: 'APPROVED', firstApprovedBy: { email: world.users.opsLead.email } } });
    expect((await decide('admin', bySku(world.sku(1)).id, { decision: 'REJECT' })).status).toBe(409);

    // Bulk: approve what is worth at most 3 units (SKU 3), then reject SKU 4 by its SKU.
    const bulk = (body: object) => request(app).post('/api/discrepancies/bulk-decision').set('Authorization', as('opsLead')).send(body);
    expect((await bulk({ filter: { class: 'STOCK_DRIFT' }, decision: 'APPROVE' })).status).toBe(400);
    const approved = await bulk({ filter: { outageId, class: 'STOCK_DRIFT', maxValueMinor: 3 * price }, decision: 'APPROVE' });
    expect(approved.body).toMatchObject({ decided: 1, needSecondApproval: 0 });
    const rejected = await bulk({ filter: { outageId, sku: world.sku(4) }, decision: 'REJECT', reason: 'delivery not booked yet' });
    expect(rejected.body).toMatchObject({ decided: 1, needSecondApproval: 0, review: { pending: 1 } });

    // The double sale: fulfilled from store B; the last decision ends the review.
    const fulfilled = await decide('admin', doubleSale.id, { decision: 'FULFIL_FROM_STORE', storeId: world.storeB });
    expect(fulfilled.body).toMatchObject({ review: { pending: 0, settled: true } });

    const closed = await eventually(
      async () => (await request(app).get(`/api/outages/${outageId}`).set('Authorization', as('opsLead'))).body as Record<string, unknown>,
      (o) => o.status === 'RESOLVED',
      60_000,
    );
    expect(closed.measuresInForce).toEqual([]);
    expect(closed.review).toEqual({ pending: 0, awaitingSecondApproval: 0, valueMinor: 0 });
    expect(closed.report).toMatchObject({
      OFFLINE_SALE: { count: 1, valueMinor: 2 * price },
      DOUBLE_SALE: { count: 1, valueMinor: price },
      STOCK_DRIFT: { count: 4, valueMinor: (1 + 4 + 3 + 4) * price },
    });
    const approvals = closed.approvals as {
      sku: string;
      status: string;
      decision: string;
      firstApprovedBy: string | null;
      decidedBy: string;
    }[];
    expect(approvals.find((a) => a.sku === world.sku(1))).toMatchObject({
      status: 'APPLIED',
      firstApprovedBy: world.users.opsLead.email,
      decidedBy: world.users.admin.email,
    });
    expect(approvals.find((a) => a.sku === world.sku(4))).toMatchObject({ status: 'REJECTED', decidedBy: world.users.opsLead.email });
    expect(approvals.find((a) => a.sku === world.sku(2))).toMatchObject({ status: 'APPLIED', decision: 'FULFIL_FROM_STORE' });

    expect((await level(world.sku(0))).onHand).toBe(17);
    expect((await level(world.sku(1))).onHand).toBe(16);
    expect((await level(world.sku(3))).onHand).toBe(23);
    expect((await level(world.sku(4))).onHand).toBe(20);
    expect(await level(world.sku(2))).toMatchObject({ onHand: 1, reserved: 1 });
    expect((await level(world.sku(2), world.storeB)).onHand).toBe(4);
    const reconcile = await world.prisma.inventoryMovement.findMany({ where: { storeId: world.storeA, kind: 'RECONCILE' } });
    expect(reconcile.map((m) => m.deltaOnHand).sort()).toEqual([-1, -4, 3].sort());
    expect(reconcile.every((m) => m.idempotencyKey.startsWith('reconcile:'))).toBe(true);
    expect(await world.prisma.inventoryMovement.count({ where: { idempotencyKey: { startsWith: `double-sale:${doubleSale.id}` } } })).toBe(
      3,
    );

    const reviewTask = await world.prisma.task.findUniqueOrThrow({ where: { id: review?.id ?? '' } });
    expect(reviewTask).toMatchObject({ status: 'DONE', completedByUserId: world.users.admin.id });
    const timeline = await handle.query(outageTimelineQuery);
    expect(timeline.entries.map((e) => e.step)).toEqual(
      expect.arrayContaining(['OUTAGE_CHECKLIST', 'STOCK_COUNT', 'STOCK_DRIFT', 'REVIEWING', 'APPLYING_CORRECTIONS', 'PUBLISHING']),
    );
    await saveHistoryIfRecording(handle, 'outage-store-reviewed');

    // After the outage: no more decisions.
    expect((await decide('admin', bySku(world.sku(0)).id, { decision: 'APPROVE' })).status).toBe(409);
  });
});
