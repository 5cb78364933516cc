import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startPickupWorkflow } from '../../api/intake/start-pickup-workflow';
import { pickupWorkflowId } from '../../domain/pickup/pickup-workflow';
import { type CheckPipelineInput, type CheckPipelineResult } from '../../workflows/system/check-pipeline';
import { bodyOf, demoLogin, type ErrorBody, startTestApi, type TestApi } from '../api/support/test-app';
import { waitForStep } from '../pickup/support/pickup-driver';
import { PickupWorld } from '../pickup/support/pickup-world';
import { startTestWorker } from '../support/temporal';

interface WorkflowRun {
  id: string;
  type: string;
  domain: string | null;
  businessKey: string | null;
  storeCode: string | null;
  status: string;
  currentStep: string | null;
  closeTime: string | null;
  temporalUiUrl: string;
  timeline: { currentStep: string; entries: { step: string }[] } | null;
}

/**
 * The Workflows resource over real HTTP and a real Temporal server: runs started on a private task
 * queue show up in the list with our search attributes, store staff only see their store's runs, and
 * only admins cancel, with a reason, runs that are still going.
 */
describe('workflows API', () => {
  const world = new PickupWorld();
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let adminToken: string;

  beforeAll(async () => {
    await world.setUp();
    worker = await startTestWorker({ prisma: world.prisma, channels: world.channels });
    api = startTestApi();
    adminToken = await api.tokenFor(demoLogin.admin);
  });
  afterAll(async () => {
    await worker.stop();
    await api.close();
    await world.tearDown();
  });

  const list = async (token: string, filter: Record<string, unknown>) =>
    request(api.app)
      .get('/api/workflows')
      .query({ filter: JSON.stringify(filter), range: '[0,9]' })
      .set('Authorization', `Bearer ${token}`);

  /** Visibility is eventually consistent: a run appears (or changes status) shortly after the fact. */
  async function listUntil(
    token: string,
    filter: Record<string, unknown>,
    done: (rows: WorkflowRun[]) => boolean,
  ): Promise<{ rows: WorkflowRun[]; contentRange: string }> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const response = await list(token, filter);
      expect(response.status).toBe(200);
      const rows = bodyOf<WorkflowRun[]>(response);
      if (done(rows) || Date.now() > deadline) return { rows, contentRange: String(response.headers['content-range']) };
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async function startRunningPickup(): Promise<string> {
    const order = await world.placeOrder([{ sku: world.skuOne, quantity: 2 }]);
    const { workflowId } = await startPickupWorkflow(
      { client: worker.client, prisma: world.prisma, taskQueue: worker.taskQueue },
      { orderId: order.orderId },
    );
    await waitForStep(worker.client.workflow.getHandle(workflowId), 'PICKING');
    return workflowId;
  }

  it('lists a finished check run with its status and a link into the Temporal Web UI', async () => {
    const workflowId = `check:${randomUUID()}`;
    await worker.client.workflow.execute<(input: CheckPipelineInput) => Promise<CheckPipelineResult>>('checkPipeline', {
      taskQueue: worker.taskQueue,
      workflowId,
      args: [{ requestedBy: 'workflows-api test' }],
    });

    const { rows, contentRange } = await listUntil(adminToken, { q: workflowId }, (found) => found[0]?.status === 'COMPLETED');
    expect(rows).toEqual([
      expect.objectContaining({ id: workflowId, type: 'checkPipeline', status: 'COMPLETED', domain: null, storeCode: null }),
    ]);
    expect(rows[0]?.closeTime).not.toBeNull();
    expect(rows[0]?.temporalUiUrl).toMatch(new RegExp(`/namespaces/[^/]+/workflows/${encodeURIComponent(workflowId)}$`));
    expect(contentRange).toBe('workflows 0-0/1');
  });

  it('shows a running pickup with its search attributes and timeline, to head office and not to another store', async () => {
    const workflowId = await startRunningPickup();

    const { rows } = await listUntil(adminToken, { domain: 'pickup', status: 'RUNNING', q: workflowId }, (found) => found.length === 1);
    expect(rows).toEqual([
      expect.objectContaining({
        id: workflowId,
        type: 'pickupOrder',
        domain: 'pickup',
        businessKey: workflowId,
        storeCode: world.storeA,
        status: 'RUNNING',
      }),
    ]);
    const { rows: completedOnly } = await listUntil(adminToken, { status: 'COMPLETED', q: workflowId }, () => true);
    expect(completedOnly).toEqual([]);

    const shown = await request(api.app)
      .get(`/api/workflows/${encodeURIComponent(workflowId)}`)
      .set('Authorization', `Bearer ${adminToken}`);
    expect(shown.status).toBe(200);
    expect(bodyOf<WorkflowRun>(shown)).toMatchObject({ id: workflowId, currentStep: 'PICKING', timeline: { currentStep: 'PICKING' } });
    expect(bodyOf<WorkflowRun>(shown).timeline?.entries.map((entry) => entry.step)).toEqual(['RESERVE', 'PICK']);

    // An Amsterdam clerk: the run belongs to another store.
    const clerkToken = await api.tokenFor(demoLogin.amsterdamStaff);
    const { rows: clerkRows } = await listUntil(clerkToken, { q: workflowId }, () => true);
    expect(clerkRows).toEqual([]);
    const refused = await request(api.app)
      .get(`/api/workflows/${encodeURIComponent(workflowId)}`)
      .set('Authorization', `Bearer ${clerkToken}`);
    expect(refused.status).toBe(403);
  });

  it('lets only an admin cancel, with a reason; the pickup releases its stock and a second cancel is a 409', async () => {
    const workflowId = await startRunningPickup();
    const orderId = workflowId.slice('pickup:'.length);
    expect(await world.stock(world.storeA, world.skuOne)).toMatchObject({ reserved: expect.any(Number) as unknown });
    const reservedBefore = (await world.stock(world.storeA, world.skuOne)).reserved;
    const cancel = (token: string, body: unknown) =>
      request(api.app)
        .post(`/api/workflows/${encodeURIComponent(workflowId)}/cancel`)
        .set('Authorization', `Bearer ${token}`)
        .send(body as object);

    const byOpsLead = await cancel(await api.tokenFor(demoLogin.opsLead), { reason: 'customer called' });
    expect(byOpsLead.status).toBe(403);
    const withoutReason = await cancel(adminToken, {});
    expect(withoutReason.status).toBe(400);
    expect(bodyOf<ErrorBody>(withoutReason).errors).toHaveProperty('reason');
    expect(await api.prisma.auditEvent.count({ where: { action: 'workflow.cancel', entityId: workflowId } })).toBe(0);

    const cancelled = await cancel(adminToken, { reason: 'Customer called the store to cancel' });
    expect(cancelled.status).toBe(200);
    expect(bodyOf<WorkflowRun>(cancelled)).toMatchObject({ id: workflowId, status: 'COMPLETED', currentStep: 'CANCELLED' });
    expect((await world.stock(world.storeA, world.skuOne)).reserved).toBe(reservedBefore - 2);
    expect((await world.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe('CANCELLED');
    const audit = await api.prisma.auditEvent.findFirstOrThrow({ where: { action: 'workflow.cancel', entityId: workflowId } });
    expect(audit).toMatchObject({
      actorLabel: demoLogin.admin,
      workflowId,
      after: expect.objectContaining({ reason: 'Customer called the store to cancel' }) as unknown,
    });

    const again = await cancel(adminToken, { reason: 'Customer called the store to cancel' });
    expect(again.status).toBe(409);
    expect(bodyOf<ErrorBody>(again).message).toMatch(/already closed/);
  });

  it('answers 404 for a run that does not exist and 400 for a filter it cannot express', async () => {
    const missing = await request(api.app)
      .get(`/api/workflows/${encodeURIComponent(pickupWorkflowId(randomUUID()))}`)
      .set('Authorization', `Bearer ${adminToken}`);
    expect(missing.status).toBe(404);
    const injected = await list(adminToken, { q: "x' OR WorkflowId != '" });
    expect(injected.status).toBe(400);
    expect(bodyOf<ErrorBody>(injected).errors).toHaveProperty(['filter.q']);
    const ascending = await request(api.app)
      .get('/api/workflows')
      .query({ sort: '["startTime","ASC"]' })
      .set('Authorization', `Bearer ${adminToken}`);
    expect(ascending.status).toBe(400);
  });
});
