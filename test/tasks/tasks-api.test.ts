import request from 'supertest';
import { createApp } from '../../api/app';
import { signAccessToken } from '../../api/auth/tokens';
import { createLogger } from '../../api/logger';
import { createTemporalClient } from '../../api/temporal-client';
import { type PickupTimeline } from '../../domain/pickup/pickup-workflow';
import { testConfig, type ErrorBody } from '../api/support/test-app';
import { codeSentToCustomer, ledgerOf, startPickup, waitForStep, waitForTask } from '../pickup/support/pickup-driver';
import { fastSettings, PickupWorld, type WorldUser } from '../pickup/support/pickup-world';
import { startTestWorker } from '../support/temporal';

/**
 * The task inbox and order actions over HTTP against the real app, PostgreSQL and Temporal, with a
 * pickup workflow behind every task: store scoping, validation, 409s, lockout and unlock, cancel and
 * timeline.
 */
describe('tasks API', () => {
  const world = new PickupWorld();
  const config = testConfig();
  const temporal = createTemporalClient(config);
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let app: ReturnType<typeof createApp>;
  const as = (user: WorldUser) => `Bearer ${signAccessToken(user.id, { secret: config.JWT_SECRET, ttlSeconds: 600 })}`;

  beforeAll(async () => {
    await world.setUp();
    worker = await startTestWorker({ prisma: world.prisma, channels: world.channels });
    app = createApp({ prisma: world.prisma, temporal, config, logger: createLogger(config) });
  });
  afterAll(async () => {
    await worker.stop();
    await temporal.close();
    await world.tearDown();
  });

  async function orderAtPick(settings = fastSettings) {
    const order = await world.placeOrder([{ sku: world.skuOne, quantity: 2 }]);
    const handle = await startPickup(worker.client, worker.taskQueue, world, order.orderId, settings);
    await world.prisma.order.update({ where: { id: order.orderId }, data: { workflowId: handle.workflowId } });
    const task = await waitForTask(world.prisma, order.orderId, 'PICK');
    return { ...order, handle, task };
  }

  it('shows and lets complete a task only within its store; validates the pick; a second completion is a 409', async () => {
    const { task, lineIds, handle } = await orderAtPick();
    const [lineId] = lineIds as [string];
    const { staffA, staffB } = world.users;

    const ownList = await request(app)
      .get('/api/tasks')
      .query({ filter: JSON.stringify({ workflowId: handle.workflowId }) })
      .set('Authorization', as(staffA));
    expect(ownList.status).toBe(200);
    expect(ownList.body).toEqual([expect.objectContaining({ id: task.id, type: 'PICK', status: 'OPEN' })]);
    const otherList = await request(app)
      .get('/api/tasks')
      .query({ filter: JSON.stringify({ workflowId: handle.workflowId }) })
      .set('Authorization', as(staffB));
    expect(otherList.body).toEqual([]);
    expect((await request(app).get(`/api/tasks/${task.id}`).set('Authorization', as(staffB))).status).toBe(403);
    expect(
      (
        await request(app)
          .get('/api/tasks')
          .query({ filter: JSON.stringify({ storeId: world.storeIds[world.storeA] }) })
          .set('Authorization', as(staffB))
      ).status,
    ).toBe(403);
    const foreign = await request(app)
      .post(`/api/tasks/${task.id}/complete`)
      .set('Authorization', as(staffB))
      .send({ lines: [{ lineId, pickedQuantity: 2 }] });
    expect(foreign.status).toBe(403);

    const badBody = await request(app)
      .post(`/api/tasks/${task.id}/complete`)
      .set('Authorization', as(staffA))
      .send({ lines: [{ lineId: 'nope', pickedQuantity: -1 }] });
    expect(badBody.status).toBe(400);
    expect((badBody.body as ErrorBody).errors).toEqual(expect.objectContaining({ 'lines.0.lineId': expect.any(String) as unknown }));
    const tooMany = await request(app)
      .post(`/api/tasks/${task.id}/complete`)
      .set('Authorization', as(staffA))
      .send({ lines: [{ lineId, pickedQuantity: 3 }] });
    expect(tooMany.status).toBe(400);
    expect((tooMany.body as ErrorBody).errors).toEqual({ 'lines.0.pickedQuantity': 'must be at most the ordered 2' });
    expect((await world.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('OPEN');

    const done = await request(app)
      .post(`/api/tasks/${task.id}/complete`)
      .set('Authorization', as(staffA))
      .send({ lines: [{ lineId, pickedQuantity: 2 }] });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ id: task.id, status: 'DONE', completedByUserId: staffA.id });
    const again = await request(app)
      .post(`/api/tasks/${task.id}/complete`)
      .set('Authorization', as(staffA))
      .send({ lines: [{ lineId, pickedQuantity: 2 }] });
    expect(again.status).toBe(409);
    expect((again.body as ErrorBody).message).toBe('This task has already been completed');
    // Written by the workflow's activity in the transaction that completed the task, naming the request.
    const audits = await world.prisma.auditEvent.findMany({ where: { entityId: task.id, action: 'task.complete' } });
    expect(audits).toEqual([
      expect.objectContaining({
        actorUserId: staffA.id,
        requestId: done.headers['x-request-id'] as string,
        workflowId: task.workflowId,
        before: { status: 'OPEN' },
        after: expect.objectContaining({ status: 'DONE' }) as unknown,
      }),
    ]);
  });

  it('claims once; locks the hand-over after three wrong codes; only a manager unlocks; the right code collects', async () => {
    const { orderId, task, lineIds, handle } = await orderAtPick();
    const { staffA, managerA } = world.users;
    expect((await request(app).post(`/api/tasks/${task.id}/claim`).set('Authorization', as(staffA))).body).toMatchObject({
      status: 'CLAIMED',
      assigneeUserId: staffA.id,
    });
    expect((await request(app).post(`/api/tasks/${task.id}/claim`).set('Authorization', as(managerA))).status).toBe(409);
    await request(app)
      .post(`/api/tasks/${task.id}/complete`)
      .set('Authorization', as(staffA))
      .send({ lines: [{ lineId: lineIds[0], pickedQuantity: 2 }] })
      .expect(200);
    await waitForStep(handle, 'AWAITING_COLLECTION');
    const handover = await waitForTask(world.prisma, orderId, 'HANDOVER');

    const wrong = [];
    for (let attempt = 0; attempt < 3; attempt += 1)
      wrong.push(await request(app).post(`/api/tasks/${handover.id}/complete`).set('Authorization', as(staffA)).send({ code: '99999999' }));
    expect(wrong.map((response) => response.status)).toEqual([400, 400, 409]);
    expect((wrong[0]?.body as ErrorBody).errors).toEqual({ code: 'Wrong code. 2 attempt(s) left' });
    const code = await codeSentToCustomer(world.prisma, orderId);
    const whileLocked = await request(app).post(`/api/tasks/${handover.id}/complete`).set('Authorization', as(staffA)).send({ code });
    expect(whileLocked.status).toBe(409);

    expect((await request(app).post(`/api/tasks/${handover.id}/unlock`).set('Authorization', as(staffA))).status).toBe(403);
    const unlocked = await request(app).post(`/api/tasks/${handover.id}/unlock`).set('Authorization', as(managerA));
    expect(unlocked.status).toBe(200);
    expect(unlocked.body).toMatchObject({ status: 'OPEN', failedAttempts: 0 });
    const collected = await request(app).post(`/api/tasks/${handover.id}/complete`).set('Authorization', as(staffA)).send({ code });
    expect(collected.status).toBe(200);
    await handle.result();

    const run = await request(app)
      .get(`/api/workflows/${encodeURIComponent(handle.workflowId)}`)
      .set('Authorization', as(staffA));
    expect(run.status).toBe(200);
    const view = (run.body as { timeline: PickupTimeline }).timeline;
    expect(view.currentStep).toBe('COLLECTED');
    expect(view.entries.filter((entry) => entry.step === 'WRONG_CODE')).toHaveLength(3);
    const late = await request(app).post(`/api/orders/${orderId}/cancel`).set('Authorization', as(staffA)).send({ reason: 'too late now' });
    expect(late.status).toBe(409);
    // The code typed at the counter is checked in the API and never reaches the audit trail.
    const audits = await world.prisma.auditEvent.findMany({ where: { entityId: handover.id }, orderBy: { createdAt: 'asc' } });
    expect(JSON.stringify(audits)).not.toContain(code);
    expect(audits.map((event) => [event.action, event.actorUserId])).toEqual([
      ['task.code-rejected', staffA.id],
      ['task.code-rejected', staffA.id],
      ['task.code-rejected', staffA.id],
      ['task.unlock', managerA.id],
      ['task.complete', staffA.id],
    ]);
    expect(audits[3]?.requestId).toBe(unlocked.headers['x-request-id']);
    const cancelAudit = await world.prisma.auditEvent.count({ where: { entityId: orderId, action: { startsWith: 'order.cancel' } } });
    expect(cancelAudit).toBe(0);
  });

  it('leaves an escalated pick to the store managers: other staff get a 403 saying so, a manager claims and completes it', async () => {
    const { task, lineIds } = await orderAtPick({ ...fastSettings, pickSlaMs: 500, pickEscalationDelayMs: 500 });
    const { staffA, managerA } = world.users;
    const deadline = Date.now() + 15_000;
    while ((await world.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).queue !== 'MANAGER' && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    const pickAll = { lines: [{ lineId: lineIds[0], pickedQuantity: 2 }] };

    for (const refused of [
      await request(app).post(`/api/tasks/${task.id}/claim`).set('Authorization', as(staffA)),
      await request(app).post(`/api/tasks/${task.id}/complete`).set('Authorization', as(staffA)).send(pickAll),
    ]) {
      expect(refused.status).toBe(403);
      expect((refused.body as ErrorBody).message).toMatch(/escalated to the store manager queue: only a manager of this store or an admin/);
    }
    expect(await world.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
      queue: 'MANAGER',
      status: 'OPEN',
      assigneeUserId: null,
    });
    expect(await world.prisma.auditEvent.count({ where: { entityId: task.id } })).toBe(0);

    expect((await request(app).post(`/api/tasks/${task.id}/claim`).set('Authorization', as(managerA))).body).toMatchObject({
      status: 'CLAIMED',
      assigneeUserId: managerA.id,
    });
    const done = await request(app).post(`/api/tasks/${task.id}/complete`).set('Authorization', as(managerA)).send(pickAll);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'DONE', completedByUserId: managerA.id });
  });

  it('cancels an order before hand-over for staff of its store only, and answers with the closed timeline', async () => {
    const { orderId } = await orderAtPick();
    const { staffA, staffB } = world.users;

    expect(
      (await request(app).post(`/api/orders/${orderId}/cancel`).set('Authorization', as(staffB)).send({ reason: 'not mine' })).status,
    ).toBe(403);
    expect((await request(app).post(`/api/orders/${orderId}/cancel`).set('Authorization', as(staffA)).send({})).status).toBe(400);
    const cancelled = await request(app)
      .post(`/api/orders/${orderId}/cancel`)
      .set('Authorization', as(staffA))
      .send({ reason: 'Customer called the store' });

    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      status: 'CANCELLED',
      cancelReason: 'Customer called the store',
      timeline: { currentStep: 'CANCELLED' },
    });
    expect((await ledgerOf(world.prisma, orderId)).map((row) => `${row.kind} ${row.deltaReserved}`)).toEqual(['RESERVE 2', 'RELEASE -2']);
    expect((await waitForTask(world.prisma, orderId, 'PICK')).status).toBe('CANCELLED');
    // One audit row, written by the activity that closed the order (same transaction), naming the person and request.
    const audits = await world.prisma.auditEvent.findMany({ where: { entityId: orderId, action: { startsWith: 'order.' } } });
    expect(audits).toEqual([
      expect.objectContaining({
        action: 'order.cancel',
        actorUserId: staffA.id,
        actorLabel: staffA.email,
        requestId: cancelled.headers['x-request-id'] as string,
        before: { status: 'PICKING' },
        after: { status: 'CANCELLED', reason: 'Customer called the store' },
      }),
    ]);
  });
});
