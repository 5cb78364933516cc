import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { pickupWorkflowId } from '../../domain/pickup/pickup-workflow';
import { pickupCancelledSignal } from '../../domain/pickup/pickup-messages';
import { type WorkflowStartRelaySettings } from '../../workflow-starts/start-settings';
import { startWorkflowStartRelay, type WorkflowStartRelay } from '../../workflow-starts/workflow-start-relay';
import {
  bodyOf,
  channelOrderEvent,
  deliverWebhook,
  demoLogin,
  eventually,
  type IntakeTestApi,
  sellableSkus,
  signalsReceived,
  placeWebPickupOrder,
  startIntakeApi,
  startUnreachableTemporalIntakeApi,
  uniqueId,
  waitForRun,
  webhookSecretOf,
} from './support/intake-test-kit';

/**
 * "Accepted means started": every order intake answered 2xx reaches its workflow without a person, and
 * the order says truthfully whether its run exists. Against the real Temporal server: an API that cannot
 * reach it (port 1) takes the orders, and relays like the workers' start them afterwards. The long retry
 * delay of the offline API keeps the stack's own relay away from these rows, so the relays here do the work.
 */
let online: IntakeTestApi;
let offline: IntakeTestApi;
let skus: { sku: string; basePriceMinor: number }[];
const relays: WorkflowStartRelay[] = [];

const relaySettings: WorkflowStartRelaySettings = {
  intervalMs: 100,
  batchSize: 5,
  concurrency: 4,
  claimMs: 30_000,
  temporalTimeoutMs: 5000,
  retryInitialMs: 200,
  retryMaxMs: 1000,
};

const quietLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

function startRelay(): WorkflowStartRelay {
  const relay = startWorkflowStartRelay(
    { prisma: online.prisma, client: online.temporal, temporalTimeoutMs: relaySettings.temporalTimeoutMs, timing: relaySettings },
    relaySettings,
    quietLogger,
  );
  relays.push(relay);
  return relay;
}

beforeAll(async () => {
  online = await startIntakeApi();
  offline = await startUnreachableTemporalIntakeApi();
  skus = await sellableSkus(online.prisma, 1);
});

afterEach(async () => {
  await Promise.all(relays.splice(0).map((relay) => relay.stop()));
});

afterAll(async () => {
  await Promise.all([online.close(), offline.close()]);
});

/** A pending start made due now, as the relay's backoff would after its delay. */
async function makeDue(workflowIds: string[]): Promise<void> {
  await online.prisma.workflowStart.updateMany({ where: { workflowId: { in: workflowIds } }, data: { nextAttemptAt: new Date() } });
}

/** A web order taken while Temporal is unreachable, once its first (failing) attempt after the answer is recorded. */
async function placeWebOrder(app: IntakeTestApi) {
  const id = await placeWebPickupOrder(app, 'WS');
  await eventually(
    () => online.prisma.workflowStart.findUniqueOrThrow({ where: { workflowId: pickupWorkflowId(id) } }),
    (start) => start.attempts > 0 || start.status !== 'PENDING',
  );
  const shown = await request(online.app)
    .get(`/api/orders/${id}`)
    .set('Authorization', await online.bearer(demoLogin.admin));
  return bodyOf<{ id: string; workflowId: string | null; startStatus: string }>(shown);
}

describe('workflow starts (outbox)', () => {
  it('accepts an order while Temporal is unreachable, then a relay starts it and the order tells the truth', async () => {
    const order = await placeWebOrder(offline);
    expect(order).toMatchObject({ workflowId: null, startStatus: 'PENDING' });
    const waiting = await request(online.app)
      .get(`/api/orders/${order.id}`)
      .set('Authorization', await online.bearer(demoLogin.admin));
    expect(bodyOf<Record<string, unknown>>(waiting)).toMatchObject({
      workflowId: null,
      startStatus: 'PENDING',
      fulfilmentStartError: expect.any(String) as unknown,
      workflowStart: { status: 'PENDING', attempts: 1 },
    });
    const pending = await online.prisma.workflowStart.findUniqueOrThrow({ where: { workflowId: pickupWorkflowId(order.id) } });
    expect(pending).toMatchObject({ status: 'PENDING', attempts: 1, orderId: order.id });

    startRelay();
    await makeDue([pending.workflowId]);
    const workflowId = await waitForRun(online.prisma, order.id);

    expect(workflowId).toBe(pickupWorkflowId(order.id));
    expect((await online.temporal.workflow.getHandle(workflowId).describe()).status.name).toBe('RUNNING');
    const shown = await request(online.app)
      .get(`/api/orders/${order.id}`)
      .set('Authorization', await online.bearer(demoLogin.admin));
    expect(bodyOf<Record<string, unknown>>(shown)).toMatchObject({
      workflowId,
      startStatus: 'STARTED',
      fulfilmentStartError: null,
      workflowStart: { status: 'STARTED', attempts: 2, lastError: null, nextAttemptAt: null },
    });
  });

  it('starts a cancellation that arrived before the run together with the run (signal-with-start)', async () => {
    const secret = await webhookSecretOf(online.prisma, 'megamart');
    const [product] = skus;
    const created = channelOrderEvent({
      channelCode: 'megamart',
      externalId: uniqueId('WSC'),
      lines: [{ sku: product?.sku ?? '', quantity: 1, unitPrice: 999 }],
    });
    const cancelled = { ...created, eventId: `${created.eventId}-cancel`, type: 'order.cancelled' as const, sequence: 2 };

    expect((await deliverWebhook(offline.app, 'megamart', created, secret)).status).toBe(202);
    const answer = await deliverWebhook(
      offline.app,
      'megamart',
      { ...cancelled, order: { ...cancelled.order, status: 'CANCELLED' } },
      secret,
    );
    expect(answer.status).toBe(202);
    const orderId = (answer.body as { orderId: string }).orderId;
    // No run yet, so intake closed the order itself; the cancellation waits in the outbox with the start.
    expect(await online.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({
      status: 'CANCELLED',
      workflowId: null,
    });
    const workflowId = pickupWorkflowId(orderId);
    expect(await online.prisma.workflowStart.findUniqueOrThrow({ where: { workflowId } })).toMatchObject({
      status: 'PENDING',
      pendingSignals: [expect.objectContaining({ name: pickupCancelledSignal.name })],
    });

    startRelay();
    await makeDue([workflowId]);
    await waitForRun(online.prisma, orderId);

    // The run was started with the signal, so it knows before its first step that there is nothing to reserve.
    const history = await online.temporal.workflow.getHandle(workflowId).fetchHistory();
    expect(history.events?.slice(0, 2).map((event) => Boolean(event.workflowExecutionSignaledEventAttributes))).toEqual([false, true]);
    expect(await signalsReceived(online.temporal, workflowId)).toEqual([pickupCancelledSignal.name]);
    expect(await online.prisma.workflowStart.findUniqueOrThrow({ where: { workflowId } })).toMatchObject({
      status: 'STARTED',
      pendingSignals: [],
      nextAttemptAt: null,
    });
  });

  it('joins a run that Temporal already has (the starter died before recording it) instead of starting a second', async () => {
    const order = await placeWebOrder(offline);
    const workflowId = pickupWorkflowId(order.id);
    const row = await online.prisma.workflowStart.findUniqueOrThrow({ where: { workflowId } });
    const existing = await online.temporal.workflow.start(row.workflowType, { taskQueue: row.taskQueue, workflowId, args: [row.input] });

    startRelay();
    await makeDue([workflowId]);
    await waitForRun(online.prisma, order.id);

    expect((await online.temporal.workflow.getHandle(workflowId).describe()).runId).toBe(existing.firstExecutionRunId);
    expect(await online.prisma.workflowStart.findUniqueOrThrow({ where: { workflowId } })).toMatchObject({
      status: 'STARTED',
      lastError: null,
    });
  });

  it('shares the pending starts between relays: each starts once, none twice', async () => {
    const orders = await Promise.all(Array.from({ length: 12 }, () => placeWebOrder(offline)));
    const workflowIds = orders.map((order) => pickupWorkflowId(order.id));

    startRelay();
    startRelay();
    startRelay();
    await makeDue(workflowIds);
    await Promise.all(orders.map((order) => waitForRun(online.prisma, order.id)));

    const rows = await online.prisma.workflowStart.findMany({ where: { workflowId: { in: workflowIds } } });
    // One failed attempt at intake (Temporal unreachable) and exactly one successful one by some relay.
    expect(rows.map((row) => [row.status, row.attempts])).toEqual(workflowIds.map(() => ['STARTED', 2]));
    for (const workflowId of workflowIds) {
      const runs = [];
      for await (const run of online.temporal.workflow.list({ query: `WorkflowId = '${workflowId}'` })) runs.push(run.runId);
      expect(runs).toHaveLength(1);
    }
  });

  it('marks a start Temporal refuses for good FAILED with the reason, and counts it on /metrics', async () => {
    const order = await placeWebOrder(offline);
    const workflowId = pickupWorkflowId(order.id);
    // A search attribute the namespace has never heard of: Temporal answers INVALID_ARGUMENT, every time.
    await online.prisma.workflowStart.update({
      where: { workflowId },
      data: { searchAttributes: [{ name: `NoSuchAttribute${randomUUID().slice(0, 8)}`, type: 'KEYWORD', value: 'x' }] },
    });

    startRelay();
    await makeDue([workflowId]);
    const failed = await eventually(
      () => online.prisma.workflowStart.findUniqueOrThrow({ where: { workflowId } }),
      (row) => row.status !== 'PENDING',
    );

    expect(failed).toMatchObject({ status: 'FAILED', nextAttemptAt: null, lastError: expect.stringMatching(/NoSuchAttribute/) as unknown });
    expect(await online.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: 'RECEIVED',
      workflowId: null,
    });
    const listed = await request(online.app)
      .get('/api/orders')
      .query({ filter: JSON.stringify({ startStatus: ['FAILED'], id: [order.id] }) })
      .set('Authorization', await online.bearer(demoLogin.admin));
    expect(bodyOf<{ id: string; startStatus: string }[]>(listed)).toEqual([
      expect.objectContaining({ id: order.id, startStatus: 'FAILED' }),
    ]);
    const metrics = await request(online.app).get('/metrics');
    expect(metrics.status).toBe(200);
    const failedGauge = /omnichannel_workflow_starts\{workflow_type="all",state="failed"\} (\d+)/.exec(metrics.text);
    expect(Number(failedGauge?.[1])).toBeGreaterThanOrEqual(1);

    // Fixed (here: the bad attribute removed) and retried by a person: it runs.
    await online.prisma.workflowStart.update({ where: { workflowId }, data: { searchAttributes: [] } });
    const retried = await request(online.app)
      .post(`/api/orders/${order.id}/start-fulfilment`)
      .set('Authorization', await online.bearer(demoLogin.admin));
    expect(retried.status).toBe(200);
    expect(bodyOf<Record<string, unknown>>(retried)).toMatchObject({ workflowId, startStatus: 'STARTED', fulfilmentStartError: null });
  });
});
