import request from 'supertest';
import { createAdjustStockCountLine } from '../../activities/stock-counts/adjust-stock-count-line';
import { stockCountWorkflowId } from '../../domain/stock-counts/stock-count-rules';
import { type CountStockResult } from '../../domain/stock-counts/stock-count-workflow';
import { type ErrorBody } from '../api/support/test-app';
import { startAppOnTestWorker, type AppOnTestWorker } from '../support/app-on-test-worker';
import { eventually } from '../support/eventually';
import { saveHistoryIfRecording } from '../support/histories';
import { StockCountWorld, type StockCountUserKey } from './support/stock-count-world';

interface TaskBody {
  id: string;
  type: string;
  queue: string;
  status: string;
  workflowId: string;
  dueAt: string | null;
  payload: { stockCountId: string; storeId: string; skus: { sku: string; name: string }[] };
}

/**
 * Stock counts outside an outage end to end: the real app, PostgreSQL, Temporal and the countStock workflow
 * (with the stock adjustment's four-eyes run as its child) on an in-process worker. Tolerance: 2 units and
 * 500.00; every product is worth 25.00 a unit, so the units decide.
 */
describe('stock counts outside an outage', () => {
  const world = new StockCountWorld();
  let stack: AppOnTestWorker;
  const as = (key: StockCountUserKey) => world.bearer(key, stack.config.JWT_SECRET);

  beforeAll(async () => {
    await world.setUp();
    stack = await startAppOnTestWorker(
      { prisma: world.prisma },
      { STOCK_COUNT_TOLERANCE_UNITS: '2', STOCK_COUNT_TOLERANCE_VALUE_MINOR: '50000', STOCK_COUNT_SLA_MS: '600000' },
    );
  });
  afterAll(async () => {
    await stack.stop();
    await world.tearDown();
  });

  const ask = (key: StockCountUserKey, body: unknown, storeId = world.storeA) =>
    request(stack.app)
      .post(`/api/stores/${storeId}/stock-counts`)
      .set('Authorization', as(key))
      .send(body as object);
  const complete = (key: StockCountUserKey, taskId: string, counts: { sku: string; counted: number }[]) =>
    request(stack.app).post(`/api/tasks/${taskId}/complete`).set('Authorization', as(key)).send({ counts });
  const requested = async (key: StockCountUserKey, skus: string[]) => {
    const answer = await ask(key, { skus });
    expect(answer.status).toBe(201);
    const task = answer.body as TaskBody;
    // The run adopts the task: it takes completions once its inbox expects it (started at once, no relay delay).
    await eventually(
      () => world.prisma.workflowStart.findUnique({ where: { workflowId: task.workflowId } }),
      (start) => start?.status === 'STARTED',
    );
    return task;
  };
  const finished = async (task: TaskBody, historyName: string) => {
    const handle = stack.worker.client.workflow.getHandle(task.workflowId);
    const result = (await handle.result()) as CountStockResult;
    await saveHistoryIfRecording(handle, historyName);
    return result;
  };
  const ledgerOf = (workflowId: string) =>
    world.prisma.inventoryMovement.findMany({ where: { workflowId }, orderBy: { idempotencyKey: 'asc' } });

  it('opens a STOCK_COUNT task on the store queue and its own run; an equal count adjusts nothing', async () => {
    const task = await requested('clerkA', [world.sku(0)]);
    expect(task).toMatchObject({ type: 'STOCK_COUNT', queue: 'STORE', status: 'OPEN', payload: { storeId: world.storeA } });
    expect(task.workflowId).toBe(stockCountWorkflowId(task.payload.stockCountId));
    expect(task.dueAt).not.toBeNull();
    expect(task.payload.skus).toEqual([{ sku: world.sku(0), name: 'Count test product 0' }]);
    expect((await complete('clerkA', task.id, [{ sku: world.sku(0), counted: 100 }])).status).toBe(200);
    const result = await finished(task, 'stock-count-matched');
    expect(result).toEqual({ status: 'DONE', lines: [{ sku: world.sku(0), delta: 0, resolution: 'MATCHED' }] });
    expect(await ledgerOf(task.workflowId)).toEqual([]);
    expect(await world.onHandA(0)).toBe(100);
    expect(await world.prisma.stockCount.findUniqueOrThrow({ where: { id: task.payload.stockCountId } })).toMatchObject({
      status: 'DONE',
      workflowId: task.workflowId,
    });
    expect(await world.prisma.stockCountLine.findMany({ where: { stockCountId: task.payload.stockCountId } })).toEqual([
      expect.objectContaining({
        counted: 100,
        systemOnHand: 100,
        resolution: 'MATCHED',
        outageId: null,
        countedByUserId: world.users.clerkA.id,
      }),
    ]);
    expect(await world.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'DONE' });
  });

  it('corrects a small difference at once, one ledger row per line linked to the count', async () => {
    const task = await requested('managerA', [world.sku(0), world.sku(1)]);
    const done = await complete('clerkA', task.id, [
      { sku: world.sku(1), counted: 101 },
      { sku: world.sku(0), counted: 98 },
    ]);
    expect(done.status).toBe(200);
    const result = await finished(task, 'stock-count-adjusted');
    expect(result.lines).toEqual([
      { sku: world.sku(0), delta: -2, resolution: 'ADJUSTED' },
      { sku: world.sku(1), delta: 1, resolution: 'ADJUSTED' },
    ]);
    expect([await world.onHandA(0), await world.onHandA(1)]).toEqual([98, 101]);
    const lines = await world.prisma.stockCountLine.findMany({ where: { stockCountId: task.payload.stockCountId } });
    const ledger = await ledgerOf(task.workflowId);
    expect(ledger).toHaveLength(2);
    expect(ledger.map((row) => row.idempotencyKey).sort()).toEqual(
      lines.map((line) => `stock-count:${task.payload.stockCountId}:${line.id}`).sort(),
    );
    expect(ledger).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'ADJUST', deltaOnHand: -2, actorUserId: world.users.clerkA.id }),
        expect.objectContaining({ kind: 'ADJUST', deltaOnHand: 1, actorUserId: world.users.clerkA.id }),
      ]),
    );
    expect(lines.every((line) => line.resolution === 'ADJUSTED')).toBe(true);
  });

  it('does not take a sale between opening the task and counting for drift', async () => {
    const task = await requested('managerA', [world.sku(2)]);
    await world.sell(2, 3);
    expect(await world.onHandA(2)).toBe(97);
    // The shelf holds 97 now: the clerk counts what is there.
    expect((await complete('clerkA', task.id, [{ sku: world.sku(2), counted: 97 }])).status).toBe(200);
    const result = await finished(task, 'stock-count-sale-while-counting');
    expect(result.lines).toEqual([{ sku: world.sku(2), delta: 0, resolution: 'MATCHED' }]);
    expect(await ledgerOf(task.workflowId)).toEqual([]);
    expect(await world.onHandA(2)).toBe(97);
  });

  it('has a large difference approved by a second person, then corrects it relative to the count', async () => {
    const task = await requested('managerA', [world.sku(1)]);
    // The manager counts it themselves: 90 on the shelf, 101 in the system (-11, beyond the 2-unit tolerance).
    expect((await complete('managerA', task.id, [{ sku: world.sku(1), counted: 90 }])).status).toBe(200);
    const line = await eventually(
      () => world.prisma.stockCountLine.findFirst({ where: { stockCountId: task.payload.stockCountId } }),
      (row) => row?.stockAdjustmentId !== null && row?.stockAdjustmentId !== undefined,
    );
    const adjustmentId = line?.stockAdjustmentId ?? '';
    const approval = await eventually(
      () => world.prisma.approvalRequest.findFirst({ where: { subjectId: adjustmentId, status: 'PENDING' } }),
      (row) => row !== null,
    );
    expect(approval).toMatchObject({ requestedByUserId: world.users.managerA.id, storeId: world.storeA });
    expect(await world.prisma.stockAdjustment.findUniqueOrThrow({ where: { id: adjustmentId } })).toMatchObject({
      delta: -11,
      valueMinor: 27_500n,
      status: 'AWAITING_APPROVAL',
    });
    expect(await world.onHandA(1)).toBe(101);
    // Two units sell while the approval waits: they are not the count's business.
    await world.sell(1, 2);

    const own = await request(stack.app).post(`/api/approvals/${approval?.id}/approve`).set('Authorization', as('managerA')).send({});
    expect(own.status).toBe(403);
    expect((own.body as ErrorBody).message).toMatch(/second person/);
    expect(
      (await request(stack.app).post(`/api/approvals/${approval?.id}/approve`).set('Authorization', as('clerkA')).send({})).status,
    ).toBe(403);
    expect(await world.onHandA(1)).toBe(99);
    const approved = await request(stack.app).post(`/api/approvals/${approval?.id}/approve`).set('Authorization', as('managerA2')).send({});
    expect(approved.status).toBe(200);

    const result = await finished(task, 'stock-count-approved');
    expect(result.lines).toEqual([{ sku: world.sku(1), delta: -11, resolution: 'APPROVED' }]);
    expect(await world.onHandA(1)).toBe(88);
    const ledger = await world.prisma.inventoryMovement.findMany({ where: { idempotencyKey: `stock-adjustment:${adjustmentId}` } });
    expect(ledger).toEqual([expect.objectContaining({ kind: 'ADJUST', deltaOnHand: -11, actorUserId: world.users.managerA.id })]);
    expect(await world.prisma.stockCountLine.findUniqueOrThrow({ where: { id: line?.id } })).toMatchObject({ resolution: 'APPROVED' });
  });

  it('never corrects on hand below what is reserved: a short count corrects down to the reservations', async () => {
    await world.reserve(4, 99);
    const task = await requested('clerkA', [world.sku(4)]);
    // 98 on the shelf against 100 (-2, within the tolerance), but 99 are promised to orders: on hand goes to 99.
    expect((await complete('clerkA', task.id, [{ sku: world.sku(4), counted: 98 }])).status).toBe(200);
    const result = await finished(task, 'stock-count-short-of-reservations');
    expect(result.lines).toEqual([{ sku: world.sku(4), delta: -2, resolution: 'ADJUSTED' }]);
    expect(await world.onHandA(4)).toBe(99);
    expect(await ledgerOf(task.workflowId)).toEqual([expect.objectContaining({ kind: 'ADJUST', deltaOnHand: -1 })]);
  });

  it('refuses malformed input, unknown SKUs and another store’s staff with a 4xx that writes nothing', async () => {
    const written = async () => ({
      counts: await world.prisma.stockCount.count({ where: { storeId: { in: [world.storeA, world.storeB] } } }),
      tasks: await world.prisma.task.count({ where: { storeId: { in: [world.storeA, world.storeB] } } }),
      starts: await world.prisma.workflowStart.count({ where: { workflowType: 'countStock' } }),
    });
    const before = await written();
    expect((await ask('managerA', { skus: [] })).status).toBe(400);
    expect((await ask('managerA', { skus: world.sku(0) })).status).toBe(400);
    expect((await ask('managerA', { skus: [world.sku(0), world.sku(0)] })).status).toBe(400);
    expect((await ask('managerA', { skus: [world.sku(0)], extra: true })).status).toBe(400);
    const unknown = await ask('managerA', { skus: [world.sku(0), 'NO-SUCH-SKU'] });
    expect(unknown.status).toBe(400);
    expect((unknown.body as ErrorBody).errors).toHaveProperty(['skus']);
    expect((await ask('clerkB', { skus: [world.sku(0)] })).status).toBe(403);
    expect(await written()).toEqual(before);

    // The task itself: the wrong store's clerk, a SKU missing, a SKU not asked, a negative count: nothing recorded.
    const task = await requested('clerkA', [world.sku(3)]);
    expect((await complete('clerkB', task.id, [{ sku: world.sku(3), counted: 5 }])).status).toBe(403);
    expect((await complete('clerkA', task.id, [{ sku: world.sku(0), counted: 5 }])).status).toBe(400);
    expect((await complete('clerkA', task.id, [{ sku: world.sku(3), counted: -1 }])).status).toBe(400);
    expect((await complete('clerkA', task.id, [{ sku: world.sku(3), counted: 1.5 }])).status).toBe(400);
    expect(
      (
        await complete('clerkA', task.id, [
          { sku: world.sku(3), counted: 5 },
          { sku: world.sku(2), counted: 5 },
        ])
      ).status,
    ).toBe(400);
    expect(await world.prisma.stockCountLine.count({ where: { stockCountId: task.payload.stockCountId } })).toBe(0);
    expect(await world.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'OPEN' });
    // Cancelled (Temporal's cancel): the run closes its task and the count, and changes no stock.
    await stack.worker.client.workflow.getHandle(task.workflowId).cancel();
    await eventually(
      () => world.prisma.stockCount.findUniqueOrThrow({ where: { id: task.payload.stockCountId } }),
      (row) => row.status === 'CANCELLED',
    );
    expect(await world.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'CANCELLED' });
    expect(await world.onHandA(3)).toBe(100);
  });

  it('writes a retried correction once: the ledger key is the count line', async () => {
    const task = await requested('managerA', [world.sku(3)]);
    await stack.worker.client.workflow.getHandle(task.workflowId).cancel();
    await eventually(
      () => world.prisma.stockCount.findUniqueOrThrow({ where: { id: task.payload.stockCountId } }),
      (row) => row.status === 'CANCELLED',
    );
    // A line as recordStockCount writes it (101 counted against 100), applied by two attempts at once and a third later.
    const line = await world.prisma.stockCountLine.create({
      data: {
        taskId: task.id,
        stockCountId: task.payload.stockCountId,
        storeId: world.storeA,
        productId: (await world.prisma.product.findUniqueOrThrow({ where: { sku: world.sku(3) } })).id,
        counted: 101,
        systemOnHand: 100,
        countedByUserId: world.users.clerkA.id,
        countedAt: new Date(),
      },
    });
    const apply = createAdjustStockCountLine({ prisma: world.prisma });
    const input = { stockCountId: task.payload.stockCountId, lineId: line.id, workflowId: task.workflowId };
    const attempts = await Promise.all([apply(input), apply(input)]);
    const again = await apply(input);
    expect([...attempts, again].map((attempt) => attempt.deltaOnHand)).toEqual([1, 1, 1]);
    expect(await world.onHandA(3)).toBe(101);
    expect(
      await world.prisma.inventoryMovement.count({ where: { idempotencyKey: `stock-count:${task.payload.stockCountId}:${line.id}` } }),
    ).toBe(1);
  });
});
