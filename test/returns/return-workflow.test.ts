import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import request from 'supertest';
import { createApp } from '../../api/app';
import { createLogger } from '../../api/logger';
import { createTemporalClient } from '../../api/temporal-client';
import { returnWorkflowId } from '../../domain/returns/return-keys';
import { testConfig, type ErrorBody } from '../api/support/test-app';
import { eventually } from '../support/eventually';
import { saveHistoryIfRecording } from '../support/histories';
import { startTestWorker } from '../support/temporal';
import { ReturnsWorld, type ReturnsUserKey } from './support/returns-world';

interface ReturnBody {
  id: string;
  status: string;
  approvalReasons: string[];
  refundTotalMinor: number;
  storeCode: string;
  lines: { id: string; quantity: number; refundMinor: number; refundStatus: string | null; refundReference: string | null }[];
}
type Failure = ErrorBody & { errors?: Record<string, string> };

/**
 * Returns end to end: the real app, PostgreSQL, Temporal (the returnOrder workflow on an in-process
 * worker) and a marketplace in a sandbox of the test's own, over HTTP. A return up to 50.00 refunds
 * without approval; store B takes back what was collected at store A.
 */
describe('cross-channel returns', () => {
  const world = new ReturnsWorld();
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let temporal: ReturnType<typeof createTemporalClient>;
  let app: ReturnType<typeof createApp>;
  let secret: string;
  let server: Server;
  const as = (key: ReturnsUserKey) => world.bearer(key, secret);

  beforeAll(async () => {
    // The API listens before the sandbox starts, so the sandbox's return webhooks (return.requested) reach it.
    // Order webhooks are answered and dropped: these orders are recorded as pickup leaves them (ReturnsWorld).
    server = createServer((req, res) => {
      if (req.url?.endsWith('/webhooks/orders')) {
        res.writeHead(202, { 'Content-Type': 'application/json' }).end('{"status":"duplicate"}');
        return;
      }
      app(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    await world.setUp({ apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    worker = await startTestWorker({
      prisma: world.prisma,
      channels: world.channels,
      messageGateway: world.messageGateway,
      payments: world.payments,
    });
    const config = testConfig({
      TEMPORAL_TASK_QUEUE: worker.taskQueue,
      WORKFLOW_START_RELAY_DELAY_MS: '0',
      RETURN_APPROVAL_THRESHOLD_MINOR: '5000',
      RETURN_WINDOW_DAYS: '30',
    });
    secret = config.JWT_SECRET;
    temporal = createTemporalClient(config);
    app = createApp({ prisma: world.prisma, temporal, config, logger: createLogger(config) });
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await worker.stop();
    await temporal.close();
    await world.tearDown();
  });

  const createReturn = (key: ReturnsUserKey, body: Record<string, unknown>) =>
    request(app)
      .post('/api/returns')
      .set('Authorization', as(key))
      .send({ reasonCode: 'DOES_NOT_FIT', reason: 'Too small', ...body });
  const showReturn = async (id: string, key: ReturnsUserKey = 'clerkB') =>
    (await request(app).get(`/api/returns/${id}`).set('Authorization', as(key))).body as ReturnBody;
  const openTaskOf = (id: string, type: string) =>
    eventually(
      () => world.prisma.task.findFirst({ where: { workflowId: returnWorkflowId(id), type: type as never, status: 'OPEN' } }),
      (task) => task !== null,
    );
  const complete = (key: ReturnsUserKey, taskId: string, body: object) =>
    request(app).post(`/api/tasks/${taskId}/complete`).set('Authorization', as(key)).send(body);
  const inspect = async (ret: ReturnBody, disposition: 'RESTOCK' | 'WRITE_OFF' = 'RESTOCK') => {
    const task = await openTaskOf(ret.id, 'RETURN_INSPECTION');
    const lines = ret.lines.map((line) => ({
      returnLineId: line.id,
      grade: disposition === 'RESTOCK' ? 'AS_NEW' : 'DAMAGED',
      disposition,
    }));
    // The task row is written before the run awaits its outcome; until then a completion is a 409 to retry.
    const done = await eventually(
      () => complete('clerkB', task?.id ?? '', { lines }),
      (answer) => answer.status !== 409,
    );
    expect(done.status).toBe(200);
  };
  const settled = async (id: string, historyName?: string) => {
    const handle = worker.client.workflow.getHandle(returnWorkflowId(id));
    const result = (await handle.result()) as { status: string };
    if (historyName !== undefined) await saveHistoryIfRecording(handle, historyName);
    return { result, row: await showReturn(id) };
  };

  it('takes back in Berlin what was collected in Amsterdam: one refund on the marketplace, restocked in Berlin', async () => {
    const order = await world.collectedOrder([
      { sku: world.skuOne, quantity: 2 },
      { sku: world.skuTwo, quantity: 1 },
    ]);
    const before = { b: await world.onHand(world.storeB, world.skuOne), a: await world.onHand(world.storeA, world.skuOne) };
    const started = Date.now();
    const created = await createReturn('clerkB', { orderId: order.orderId, lines: [{ orderLineId: order.lineIds[0], quantity: 1 }] });
    expect(created.status).toBe(201);
    const ret = created.body as ReturnBody;
    expect(ret).toMatchObject({ status: 'REQUESTED', storeCode: world.storeB, approvalReasons: [], refundTotalMinor: 1250 });

    await inspect(ret);
    const { result, row } = await settled(ret.id, 'returns-marketplace-restocked');
    const wallMs = Date.now() - started;
    expect(result.status).toBe('CLOSED');
    expect(row.status).toBe('CLOSED');
    expect(row.lines[0]).toMatchObject({ refundMinor: 1250, refundStatus: 'SUCCEEDED' });

    const channelOrder = await world.channelOrder(order.externalId);
    expect(channelOrder.refunds).toHaveLength(1);
    expect(channelOrder.refundedAmount).toBe(1250);
    // The marketplace shows the return on its order; the order itself stays collected (one of three units came back).
    expect(channelOrder.returns).toEqual([
      expect.objectContaining({ returnRef: ret.id, status: 'REFUNDED', refundedAmount: 1250, lines: [{ sku: world.skuOne, quantity: 1 }] }),
    ]);
    expect(channelOrder.status).toBe('COLLECTED');
    expect(await world.onHand(world.storeB, world.skuOne)).toBe(before.b + 1);
    expect(await world.onHand(world.storeA, world.skuOne)).toBe(before.a);
    const ledger = await world.prisma.inventoryMovement.findMany({ where: { workflowId: returnWorkflowId(ret.id) } });
    expect(ledger).toEqual([expect.objectContaining({ kind: 'RETURN_RESTOCK', deltaOnHand: 1, storeId: world.storeIds[world.storeB] })]);
    expect(await world.prisma.order.findUnique({ where: { id: order.orderId }, select: { status: true } })).toEqual({
      status: 'PARTIALLY_RETURNED',
    });
    const messages = await world.prisma.notification.findMany({ where: { idempotencyKey: `notify:return-refunded:${ret.id}` } });
    expect(messages).toHaveLength(1);
    const audit = await world.prisma.auditEvent.findMany({ where: { entityId: ret.id }, select: { action: true } });
    expect(audit.map((event) => event.action)).toEqual(expect.arrayContaining(['return.request', 'return.inspect', 'return.closed']));
    const history = await worker.client.workflow.getHandle(returnWorkflowId(ret.id)).fetchHistory();
    const activities = (history.events ?? []).filter((event) => event.activityTaskScheduledEventAttributes).length;
    // Figures for docs/returns.md (one full return: API call to closed run, the clerk's inspection included).
    console.log(`return wall time ${wallMs} ms, ${activities} activities`);
  });

  it('refunds a web-store order through the payment provider once, seen in its refund log', async () => {
    const order = await world.deliveredWebOrder([{ sku: world.skuTwo, quantity: 2 }]);
    const created = await createReturn('clerkB', { orderId: order.orderId, lines: [{ orderLineId: order.lineIds[0], quantity: 1 }] });
    expect(created.status).toBe(201);
    const ret = created.body as ReturnBody;
    // One 503 before the provider answers: the retry carries the same key.
    await world.setPaymentFaults({ outage: '503' });
    try {
      await inspect(ret);
      await eventually(
        () => world.prisma.refund.findFirst({ where: { returnId: ret.id } }),
        (refund) => refund !== null,
      );
    } finally {
      await world.setPaymentFaults({ outage: null });
    }
    const { row } = await settled(ret.id, 'returns-web-payment-provider');
    expect(row.status).toBe('CLOSED');
    const refunds = await world.providerRefunds(order.externalId);
    expect(refunds).toEqual([
      expect.objectContaining({ amount: world.unitPrice.two, idempotencyKey: `refund:return:${ret.id}:${ret.lines[0]?.id ?? ''}` }),
    ]);
    expect(row.lines[0]).toMatchObject({ refundStatus: 'SUCCEEDED', refundReference: refunds[0]?.refundId });
    expect(
      await world.prisma.payment.findFirst({ where: { orderId: order.orderId }, select: { status: true, refundedMinor: true } }),
    ).toEqual({
      status: 'PARTIALLY_REFUNDED',
      refundedMinor: BigInt(world.unitPrice.two),
    });
  }, 120_000);

  it('refuses bad lines with a 400 naming each, and writes nothing', async () => {
    const order = await world.collectedOrder([{ sku: world.skuOne, quantity: 1 }]);
    const count = await world.prisma.return.count();
    const over = await createReturn('clerkB', {
      orderId: order.orderId,
      lines: [
        { orderLineId: order.lineIds[0], quantity: 2 },
        { orderLineId: '00000000-0000-4000-8000-000000000000', quantity: 1 },
      ],
    });
    expect(over.status).toBe(400);
    const body = over.body as Failure;
    expect(body.errors?.['lines.0.quantity']).toMatch(/MORE_THAN_RETURNABLE/);
    expect(body.errors?.['lines.1.orderLineId']).toMatch(/UNKNOWN_LINE/);
    expect((await createReturn('clerkB', { orderId: order.orderId, lines: [] })).status).toBe(400);
    expect((await createReturn('clerkB', { orderId: order.orderId, lines: [{ orderLineId: order.lineIds[0], quantity: 0 }] })).status).toBe(
      400,
    );
    expect(
      (await createReturn('clerkB', { orderId: order.orderId, lines: [{ orderLineId: order.lineIds[0], quantity: 1 }], reason: ' ' }))
        .status,
    ).toBe(400);
    expect(await world.prisma.return.count()).toBe(count);
    expect(await world.prisma.workflowStart.count({ where: { returnId: { not: null }, return: { orderId: order.orderId } } })).toBe(0);
  });

  it('lets only one of two concurrent returns of the same units through', async () => {
    const order = await world.collectedOrder([{ sku: world.skuTwo, quantity: 1 }]);
    const body = { orderId: order.orderId, lines: [{ orderLineId: order.lineIds[0], quantity: 1 }] };
    const answers = await Promise.all([createReturn('clerkB', body), createReturn('clerkA', body)]);
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses[0]).toBe(201);
    expect([400, 409]).toContain(statuses[1]);
    expect(await world.prisma.return.count({ where: { orderId: order.orderId } })).toBe(1);
    const winner = answers.find((answer) => answer.status === 201)?.body as ReturnBody;
    // Cancel it before the inspection: the saga undoes it and the units are free again.
    await openTaskOf(winner.id, 'RETURN_INSPECTION');
    const otherStore: ReturnsUserKey = winner.storeCode === world.storeB ? 'clerkA' : 'clerkB';
    const ownStore: ReturnsUserKey = winner.storeCode === world.storeB ? 'clerkB' : 'clerkA';
    const cancel = (key: ReturnsUserKey) =>
      request(app).post(`/api/returns/${winner.id}/cancel`).set('Authorization', as(key)).send({ reason: 'Customer changed their mind' });
    expect((await cancel(otherStore)).status).toBe(404);
    const cancelled = await cancel(ownStore);
    expect(cancelled.status).toBeLessThan(300);
    const { result } = await settled(winner.id, 'returns-cancelled');
    expect(result.status).toBe('CANCELLED');
    expect(await world.prisma.task.count({ where: { workflowId: returnWorkflowId(winner.id), status: 'OPEN' } })).toBe(0);
    expect((await world.prisma.orderLine.findUniqueOrThrow({ where: { id: order.lineIds[0] } })).returnedQuantity).toBe(0);
  });

  it('refuses a late return without an override; with one a second manager approves, the requester gets 403', async () => {
    const order = await world.collectedOrder([{ sku: world.skuOne, quantity: 1 }], new Date(Date.now() - 60 * 24 * 3600_000));
    const late = await createReturn('managerB', { orderId: order.orderId, lines: [{ orderLineId: order.lineIds[0], quantity: 1 }] });
    expect(late.status).toBe(400);
    expect((late.body as Failure).errors?.['lines.0.quantity']).toMatch(/OUTSIDE_WINDOW/);

    const created = await createReturn('managerB', {
      orderId: order.orderId,
      lines: [{ orderLineId: order.lineIds[0], quantity: 1 }],
      overrideReason: 'Loyal customer, item unworn',
    });
    expect(created.status).toBe(201);
    const ret = created.body as ReturnBody;
    expect(ret.approvalReasons).toEqual(['OUTSIDE_WINDOW_OVERRIDE']);
    await inspect(ret);
    const approval = await eventually(
      () => world.prisma.approvalRequest.findFirst({ where: { subjectId: ret.id, status: 'PENDING' } }),
      (row) => row !== null,
    );
    expect(approval).toMatchObject({ storeId: world.storeIds[world.storeB], requestedByUserId: world.users.managerB.id });
    const own = await request(app)
      .post(`/api/approvals/${approval?.id ?? ''}/approve`)
      .set('Authorization', as('managerB'))
      .send({});
    expect(own.status).toBe(403);
    expect((await showReturn(ret.id)).status).toBe('AWAITING_APPROVAL');
    const approved = await request(app)
      .post(`/api/approvals/${approval?.id ?? ''}/approve`)
      .set('Authorization', as('managerB2'))
      .send({});
    expect(approved.status).toBe(200);
    const { row } = await settled(ret.id, 'returns-late-approved');
    expect(row.status).toBe('CLOSED');
    expect((await world.channelOrder(order.externalId)).refunds).toHaveLength(1);
  });

  it('tells the customer of a rejected return and closes it once the store hands the item back, refunding nothing', async () => {
    const order = await world.collectedOrder([{ sku: world.skuOne, quantity: 1 }]);
    const created = await createReturn('clerkB', {
      orderId: order.orderId,
      lines: [{ orderLineId: order.lineIds[0], quantity: 1 }],
      proofOfPurchase: false,
    });
    expect(created.status).toBe(201);
    const ret = created.body as ReturnBody;
    expect(ret.approvalReasons).toEqual(['NO_PROOF_OF_PURCHASE']);
    await inspect(ret);
    const approval = await eventually(
      () => world.prisma.approvalRequest.findFirst({ where: { subjectId: ret.id, status: 'PENDING' } }),
      (row) => row !== null,
    );
    const rejected = await request(app)
      .post(`/api/approvals/${approval?.id ?? ''}/reject`)
      .set('Authorization', as('managerB'))
      .send({ reason: 'No receipt and the tag is cut off' });
    expect(rejected.status).toBe(200);
    const task = await openTaskOf(ret.id, 'RETURN_HANDBACK');
    expect(task).toMatchObject({ queue: 'STORE', storeId: world.storeIds[world.storeB] });
    expect((await showReturn(ret.id)).status).toBe('REJECTED');
    const told = await eventually(
      () => world.prisma.notification.findMany({ where: { idempotencyKey: `notify:return-rejected:${ret.id}` } }),
      (rows) => rows.length > 0,
    );
    expect(told).toHaveLength(1);
    // A malformed outcome is refused and changes nothing; store A's clerk cannot hand back store B's item.
    expect((await complete('clerkB', task?.id ?? '', { note: 'x'.repeat(501) })).status).toBe(400);
    expect((await complete('clerkA', task?.id ?? '', {})).status).toBeGreaterThanOrEqual(403);
    const done = await eventually(
      () => complete('clerkB', task?.id ?? '', { note: 'Customer took it back' }),
      (answer) => answer.status !== 409,
      30_000,
      250,
    );
    expect(done.status).toBe(200);
    const { result, row } = await settled(ret.id, 'returns-rejected-handback');
    expect(result.status).toBe('REJECTED');
    expect(row.status).toBe('REJECTED');
    const stored = await world.prisma.return.findUniqueOrThrow({ where: { id: ret.id } });
    expect(stored.handedBackAt).not.toBeNull();
    expect(stored.handedBackUserId).toBe(world.users.clerkB.id);
    expect(await world.prisma.refund.count({ where: { returnId: ret.id } })).toBe(0);
    expect(await world.prisma.inventoryMovement.count({ where: { workflowId: returnWorkflowId(ret.id) } })).toBe(0);
    expect((await world.channelOrder(order.externalId)).refunds).toHaveLength(0);
    const audit = await world.prisma.auditEvent.findMany({ where: { entityId: ret.id }, select: { action: true } });
    expect(audit.map((event) => event.action)).toEqual(expect.arrayContaining(['return.rejected', 'return.hand-back']));
    // The units are free again: the rejected return no longer counts against the order line.
    expect((await world.prisma.orderLine.findUniqueOrThrow({ where: { id: order.lineIds[0] } })).returnedQuantity).toBe(0);
  });

  it('gives a till sale back at the receiving store in cash or store credit, as the customer chooses, once each', async () => {
    const sale = await world.tillSale([{ sku: world.skuOne, quantity: 2 }]);
    // A marketplace's money is the marketplace's: cash for it is refused and nothing is written.
    const marketplace = await world.collectedOrder([{ sku: world.skuOne, quantity: 1 }]);
    const count = await world.prisma.return.count();
    const refused = await createReturn('clerkB', {
      orderId: marketplace.orderId,
      lines: [{ orderLineId: marketplace.lineIds[0], quantity: 1 }],
      refundMethod: 'CASH',
    });
    expect(refused.status).toBe(400);
    expect((refused.body as Failure).errors?.refundMethod).toMatch(/till/);
    expect(
      (
        await createReturn('clerkB', {
          orderId: sale.orderId,
          lines: [{ orderLineId: sale.lineIds[0], quantity: 1 }],
          refundMethod: 'GOLD',
        })
      ).status,
    ).toBe(400);
    expect(await world.prisma.return.count()).toBe(count);

    const cash = (await createReturn('clerkB', { orderId: sale.orderId, lines: [{ orderLineId: sale.lineIds[0], quantity: 1 }] }))
      .body as ReturnBody & {
      refundMethod: string;
    };
    expect(cash.refundMethod).toBe('CASH');
    await inspect(cash);
    const cashDone = await settled(cash.id, 'returns-till-cash');
    expect(cashDone.row.status).toBe('CLOSED');
    const refund = await world.prisma.refund.findFirstOrThrow({ where: { returnId: cash.id } });
    const movements = await world.prisma.cashMovement.findMany({ where: { refundId: refund.id } });
    expect(movements).toEqual([
      expect.objectContaining({ storeId: world.storeIds[world.storeB], kind: 'RETURN_REFUND', amountMinor: BigInt(-world.unitPrice.one) }),
    ]);
    expect(refund).toMatchObject({ status: 'SUCCEEDED', externalRef: `cash:${movements[0]?.id ?? ''}` });

    const credit = (
      await createReturn('clerkB', {
        orderId: sale.orderId,
        lines: [{ orderLineId: sale.lineIds[0], quantity: 1 }],
        refundMethod: 'STORE_CREDIT',
      })
    ).body as ReturnBody & { refundMethod: string };
    expect(credit.refundMethod).toBe('STORE_CREDIT');
    await inspect(credit);
    await settled(credit.id);
    const creditRefund = await world.prisma.refund.findFirstOrThrow({ where: { returnId: credit.id } });
    const issued = await world.prisma.storeCredit.findMany({ where: { refundId: creditRefund.id } });
    expect(issued).toEqual([
      expect.objectContaining({
        issuedAtStoreId: world.storeIds[world.storeB],
        amountMinor: BigInt(world.unitPrice.one),
        balanceMinor: BigInt(world.unitPrice.one),
      }),
    ]);
    expect(creditRefund.externalRef).toBe(`store-credit:${issued[0]?.code ?? ''}`);
    // The customer's message names the code to spend.
    const message = await world.prisma.notification.findUniqueOrThrow({ where: { idempotencyKey: `notify:return-refunded:${credit.id}` } });
    expect(JSON.stringify(message)).toContain(issued[0]?.code ?? 'no code');
    expect(await world.prisma.cashMovement.count({ where: { refundId: creditRefund.id } })).toBe(0);
    expect(await world.prisma.payment.findFirst({ where: { orderId: sale.orderId }, select: { status: true } })).toEqual({
      status: 'REFUNDED',
    });
  });

  it('refunds once through a storm of 503s on the marketplace', async () => {
    const order = await world.collectedOrder([{ sku: world.skuTwo, quantity: 1 }]);
    const ret = (await createReturn('clerkB', { orderId: order.orderId, lines: [{ orderLineId: order.lineIds[0], quantity: 1 }] }))
      .body as ReturnBody;
    await world.setChannelFaults({ outage: '503' });
    try {
      await inspect(ret, 'WRITE_OFF');
      await eventually(
        () => world.prisma.refund.findFirst({ where: { returnId: ret.id } }),
        (refund) => refund !== null,
      );
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect((await showReturn(ret.id)).status).toBe('REFUND_PENDING');
    } finally {
      await world.setChannelFaults({ outage: null });
    }
    const { row } = await settled(ret.id, 'returns-refund-storm');
    expect(row.status).toBe('CLOSED');
    const channelOrder = await world.channelOrder(order.externalId);
    expect(channelOrder.refunds).toHaveLength(1);
    // Every unit is back: the marketplace's order is RETURNED too.
    expect(channelOrder.status).toBe('RETURNED');
    expect(channelOrder.returns).toEqual([expect.objectContaining({ returnRef: ret.id, status: 'REFUNDED' })]);
    const ledger = await world.prisma.inventoryMovement.findMany({ where: { workflowId: returnWorkflowId(ret.id) } });
    expect(ledger.map((movement) => [movement.kind, movement.deltaOnHand]).sort()).toEqual([
      ['RETURN_RESTOCK', 1],
      ['WRITE_OFF', -1],
    ]);
    expect(ledger.find((movement) => movement.kind === 'WRITE_OFF')?.reason).toContain('value 899 EUR');
  }, 120_000);

  it('turns a refund the marketplace refuses into a manual refund task, never a silent failure', async () => {
    const order = await world.collectedOrder([{ sku: world.skuOne, quantity: 1 }]);
    await world.refundOnChannel(order.externalId, world.unitPrice.one);
    const ret = (await createReturn('clerkB', { orderId: order.orderId, lines: [{ orderLineId: order.lineIds[0], quantity: 1 }] }))
      .body as ReturnBody;
    await inspect(ret);
    const task = await openTaskOf(ret.id, 'MANUAL_REFUND');
    expect(task).toMatchObject({ queue: 'CUSTOMER_SERVICE' });
    expect(await world.prisma.refund.findFirst({ where: { returnId: ret.id } })).toMatchObject({ status: 'FAILED' });
    expect((await complete('admin', task?.id ?? '', { reference: '' })).status).toBe(400);
    // The task row is written before the run awaits its outcome; until then a completion is a 409 to retry.
    const done = await eventually(
      () => complete('admin', task?.id ?? '', { reference: 'BANK-4711' }),
      (answer) => answer.status !== 409,
      30_000,
      250,
    );
    expect(done.status).toBe(200);
    const { row } = await settled(ret.id, 'returns-manual-refund');
    expect(row.status).toBe('CLOSED');
    expect(row.lines[0]).toMatchObject({ refundStatus: 'SUCCEEDED', refundReference: 'manual:BANK-4711' });
  });

  it('takes a return the customer started on the marketplace at the store they walk into, and tells the marketplace', async () => {
    const order = await world.collectedOrder([{ sku: world.skuTwo, quantity: 1 }]);
    const asked = await fetch(`${world.sandboxUrl}/channels/${world.channelCode}/orders/${order.externalId}/return-requests`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ lines: [{ lineId: `${order.externalId}-1`, quantity: 1 }], reason: 'Wrong colour' }),
    });
    expect(asked.status).toBe(201);
    const { returnRef, eventId } = (await asked.json()) as { returnRef: string; eventId: string };
    const requested = await eventually(
      () => world.prisma.return.findFirst({ where: { orderId: order.orderId, channelReturnRef: returnRef } }),
      (row) => row !== null,
    );
    expect(requested).toMatchObject({ status: 'REQUESTED', receivedAtStoreId: null, requestedByLabel: `channel:${world.channelCode}` });
    const id = requested?.id ?? '';
    // No store yet, so no run yet; a redelivered webhook records nothing more.
    expect(await world.prisma.workflowStart.count({ where: { returnId: id } })).toBe(0);
    await fetch(`${world.sandboxUrl}/_control/webhooks/${eventId}/redeliver`, { method: 'POST' });
    await eventually(
      () =>
        fetch(`${world.sandboxUrl}/_control/webhooks`).then(
          async (answer) => (await answer.json()) as { deliveries: { eventId: string; status: string; attempts: number }[] },
        ),
      ({ deliveries }) =>
        deliveries.some((delivery) => delivery.eventId === eventId && delivery.status === 'delivered' && delivery.attempts >= 1),
    );
    expect(await world.prisma.return.count({ where: { orderId: order.orderId } })).toBe(1);

    // Any store's clerk sees it until one receives it; a malformed body is a 400 that changes nothing.
    expect((await request(app).get(`/api/returns/${id}`).set('Authorization', as('clerkA'))).status).toBe(200);
    const receive = (key: ReturnsUserKey, body: object) =>
      request(app).post(`/api/returns/${id}/receive`).set('Authorization', as(key)).send(body);
    expect((await receive('clerkB', { storeId: 'not-a-uuid' })).status).toBe(400);
    expect((await receive('clerkB', { store: 'B' })).status).toBe(400);
    expect((await world.prisma.return.findUniqueOrThrow({ where: { id } })).receivedAtStoreId).toBeNull();
    const received = await receive('clerkB', {});
    expect(received.status).toBe(200);
    expect(received.body).toMatchObject({ storeCode: world.storeB, status: 'REQUESTED' });
    expect((await receive('clerkA', {})).status).toBeGreaterThanOrEqual(404);
    expect((await receive('clerkB', {})).status).toBe(409);
    expect((await request(app).get(`/api/returns/${id}`).set('Authorization', as('clerkA'))).status).toBe(404);

    await inspect(received.body as ReturnBody);
    const { row } = await settled(id, 'returns-channel-requested');
    expect(row.status).toBe('CLOSED');
    const channelOrder = await world.channelOrder(order.externalId);
    expect(channelOrder.refunds).toHaveLength(1);
    expect(channelOrder.returns).toEqual([expect.objectContaining({ returnRef, status: 'REFUNDED', refundedAmount: world.unitPrice.two })]);
    expect(channelOrder.status).toBe('RETURNED');
  });

  it('finds the order at the counter by the customer’s phone', async () => {
    const order = await world.collectedOrder([{ sku: world.skuOne, quantity: 1 }]);
    const found = await request(app).get('/api/returns/order-lookup').query({ q: world.phone }).set('Authorization', as('clerkB'));
    expect(found.status).toBe(200);
    expect((found.body as { id: string }[]).map((row) => row.id)).toContain(order.orderId);
    const list = await request(app)
      .get('/api/returns')
      .query({ filter: JSON.stringify({ status: 'CLOSED' }) })
      .set('Authorization', as('clerkA'));
    expect(list.status).toBe(200);
    // Store A's clerk sees none of the returns store B took.
    expect(list.body).toEqual([]);
  });
});
