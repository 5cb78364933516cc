import request from 'supertest';
import { createApp } from '../../api/app';
import { signAccessToken } from '../../api/auth/tokens';
import { createLogger } from '../../api/logger';
import { createTemporalClient } from '../../api/temporal-client';
import { type TimelineEntry } from '../../domain/workflow-kit/timeline';
import { startPickup, waitForStep, waitForTask } from '../pickup/support/pickup-driver';
import { fastSettings, PickupWorld, type WorldUser } from '../pickup/support/pickup-world';
import { startTestWorker } from '../support/temporal';
import { testConfig, type ErrorBody } from './support/test-app';

interface TimelineBody {
  currentStep: string;
  source: string;
  entries: TimelineEntry[];
}

/** Well under the intake timeout below, so an answer this quick proves the routes use TEMPORAL_CALL_TIMEOUT_MS. */
const callTimeoutMs = 700;

/**
 * GET /api/orders/:id/timeline and GET /api/workflows/:id when no worker answers the timeline query: a
 * closed order is rebuilt from the tables, an open one is a 503, both within TEMPORAL_CALL_TIMEOUT_MS.
 */
describe('order timeline without a worker', () => {
  const world = new PickupWorld();
  const config = testConfig({ TEMPORAL_CALL_TIMEOUT_MS: String(callTimeoutMs), INTAKE_TEMPORAL_TIMEOUT_MS: '30000' });
  const temporal = createTemporalClient(config);
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let workerStopped: Promise<void> | undefined;
  const stopWorker = () => (workerStopped ??= worker.stop());
  let app: ReturnType<typeof createApp>;
  const as = (user: WorldUser) => `Bearer ${signAccessToken(user.id, { secret: config.JWT_SECRET, ttlSeconds: 600 })}`;

  beforeAll(async () => {
    await world.setUp();
    worker = await startTestWorker({ prisma: world.prisma, channels: world.channels });
    app = createApp({ prisma: world.prisma, temporal, config, logger: createLogger(config) });
  });
  afterAll(async () => {
    await stopWorker();
    await temporal.close();
    await world.tearDown();
  });

  async function orderAtPick() {
    const order = await world.placeOrder([{ sku: world.skuOne, quantity: 1 }]);
    const handle = await startPickup(worker.client, worker.taskQueue, world, order.orderId, fastSettings);
    await world.prisma.order.update({ where: { id: order.orderId }, data: { workflowId: handle.workflowId } });
    await waitForStep(handle, 'PICKING');
    await waitForTask(world.prisma, order.orderId, 'PICK');
    return { orderId: order.orderId, workflowId: handle.workflowId };
  }

  async function timed(call: () => Promise<request.Response>) {
    const started = performance.now();
    const response = await call();
    return { response, elapsedMs: performance.now() - started };
  }

  it('answers a closed order from its records and an open one with a 503, within the call timeout', async () => {
    const { staffA } = world.users;
    const closed = await orderAtPick();
    const open = await orderAtPick();
    const cancelled = await request(app)
      .post(`/api/orders/${closed.orderId}/cancel`)
      .set('Authorization', as(staffA))
      .send({ reason: 'Customer changed their mind' });
    // 200 when the run finished the cancellation within the (short) call timeout, 202 when it took it and is still at it.
    expect([200, 202]).toContain(cancelled.status);
    await worker.client.workflow.getHandle(closed.workflowId).result();
    const live = await request(app).get(`/api/orders/${closed.orderId}/timeline`).set('Authorization', as(staffA));
    expect(live.body).toMatchObject({ currentStep: 'CANCELLED', source: 'workflow' });

    await stopWorker();

    const recorded = await timed(() => request(app).get(`/api/orders/${closed.orderId}/timeline`).set('Authorization', as(staffA)));
    expect(recorded.response.status).toBe(200);
    const view = recorded.response.body as TimelineBody;
    expect(view).toMatchObject({ currentStep: 'CANCELLED', source: 'records', openTask: null });
    expect(view.entries.map((entry) => [entry.step, entry.outcome, entry.actor])).toEqual([
      ['PICK', 'Closed with the order', null],
      ['CANCEL', 'Customer changed their mind', staffA.email],
    ]);
    expect(recorded.elapsedMs).toBeLessThan(callTimeoutMs + 2000);

    const unanswered = await timed(() => request(app).get(`/api/orders/${open.orderId}/timeline`).set('Authorization', as(staffA)));
    expect(unanswered.response.status).toBe(503);
    expect((unanswered.response.body as ErrorBody).message).toMatch(/^The worker did not answer in time/);
    expect(unanswered.elapsedMs).toBeGreaterThanOrEqual(callTimeoutMs - 50);
    expect(unanswered.elapsedMs).toBeLessThan(callTimeoutMs + 2000);

    // The workflows screen opens under the same deadline, with the reason instead of the timeline.
    const run = await timed(() =>
      request(app)
        .get(`/api/workflows/${encodeURIComponent(open.workflowId)}`)
        .set('Authorization', as(staffA)),
    );
    expect(run.response.status).toBe(200);
    expect(run.response.body).toMatchObject({
      status: 'RUNNING',
      timeline: null,
      timelineError: expect.stringContaining('did not answer') as unknown,
    });
    expect(run.elapsedMs).toBeLessThan(callTimeoutMs + 2000);
  });
});
