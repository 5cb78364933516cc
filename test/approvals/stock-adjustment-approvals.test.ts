import request from 'supertest';
import { createApp } from '../../api/app';
import { createLogger } from '../../api/logger';
import { createTemporalClient } from '../../api/temporal-client';
import { stockAdjustmentWorkflowId } from '../../domain/stock-adjustments/stock-adjustment-rules';
import { approvalDecisionSignal, approvalsStateQuery } from '../../workflows/kit/approval-messages';
import { testConfig, type ErrorBody } from '../api/support/test-app';
import { eventually } from '../support/eventually';
import { saveHistoryIfRecording } from '../support/histories';
import { startTestWorker } from '../support/temporal';
import { ApprovalsWorld, type ApprovalsUserKey } from './support/approvals-world';

interface AdjustmentBody {
  id: string;
  status: string;
  version: number;
  workflowId: string | null;
}
interface ApprovalBody {
  id: string;
  status: string;
  requiredLevel: string;
  canDecide: boolean;
  refusal: string | null;
  diff: { field: string; before: unknown; after: unknown }[];
}

/**
 * Four-eyes approvals end to end: the real app, PostgreSQL, Temporal and the adjustStockWithApproval
 * workflow on an in-process worker. Thresholds: above 10 units or 500.00 needs an approval; a store
 * manager approves up to 1000.00 in their store.
 */
describe('stock adjustments with four-eyes approvals', () => {
  const world = new ApprovalsWorld();
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let temporal: ReturnType<typeof createTemporalClient>;
  let app: ReturnType<typeof createApp>;
  let secret: string;
  const as = (key: ApprovalsUserKey) => world.bearer(key, secret);

  beforeAll(async () => {
    await world.setUp();
    worker = await startTestWorker({ prisma: world.prisma });
    const config = testConfig({ TEMPORAL_TASK_QUEUE: worker.taskQueue, APPROVAL_SLA_MS: '1500', WORKFLOW_START_RELAY_DELAY_MS: '0' });
    secret = config.JWT_SECRET;
    temporal = createTemporalClient(config);
    app = createApp({ prisma: world.prisma, temporal, config, logger: createLogger(config) });
  });
  afterAll(async () => {
    await worker.stop();
    await temporal.close();
    await world.tearDown();
  });

  const adjust = (key: ApprovalsUserKey, delta: number, reason = 'Counted after inventory') =>
    request(app)
      .post('/api/stock-adjustments')
      .set('Authorization', as(key))
      .send({ storeId: world.storeA, sku: world.sku, delta, reason });
  const adjustment = async (id: string) =>
    (await request(app).get(`/api/stock-adjustments/${id}`).set('Authorization', as('managerA'))).body as AdjustmentBody;
  const pendingApprovalOf = (adjustmentId: string) =>
    eventually(
      () => world.prisma.approvalRequest.findFirst({ where: { subjectId: adjustmentId, status: 'PENDING' } }),
      (row) => row !== null,
    );
  /** Waits for the run to close the adjustment (and, with RECORD_HISTORIES=1, keeps its history for replay). */
  const settled = async (id: string, historyName: string) => {
    const row = await eventually(
      () => adjustment(id),
      (seen) => seen.status === 'APPLIED' || seen.status === 'REJECTED',
    );
    const handle = worker.client.workflow.getHandle(stockAdjustmentWorkflowId(id));
    await handle.result();
    await saveHistoryIfRecording(handle, historyName);
    return row;
  };

  it('applies a small adjustment at once, with a ledger row in the requester’s name', async () => {
    const before = await world.onHandA();
    const created = await adjust('managerA', 3);
    expect(created.status).toBe(201);
    const { id } = created.body as AdjustmentBody;
    expect((await settled(id, 'stock-adjustment-below-threshold')).status).toBe('APPLIED');
    expect(await world.onHandA()).toBe(before + 3);
    const ledger = await world.prisma.inventoryMovement.findMany({ where: { idempotencyKey: { startsWith: `stock-adjustment:${id}` } } });
    expect(ledger).toEqual([expect.objectContaining({ kind: 'ADJUST', deltaOnHand: 3, actorUserId: world.users.managerA.id })]);
    expect(await world.prisma.approvalRequest.count({ where: { subjectId: id } })).toBe(0);
  });

  it('refuses bad input with a 400 that writes nothing, and clerks with a 403', async () => {
    const count = await world.prisma.stockAdjustment.count();
    expect((await adjust('managerA', 0)).status).toBe(400);
    expect((await adjust('managerA', 5, '   ')).status).toBe(400);
    expect((await adjust('clerkA', 5)).status).toBe(403);
    expect((await adjust('managerB', 5)).status).toBe(403);
    expect(await world.prisma.stockAdjustment.count()).toBe(count);
  });

  it('waits above the threshold for a second person: the requester and an editor get 403, the diff shows the edit', async () => {
    const before = await world.onHandA();
    const { id } = (await adjust('managerA', -20, 'Water damage in the back room')).body as AdjustmentBody;
    const pending = await pendingApprovalOf(id);
    expect(pending).toMatchObject({ requiredLevel: 'STORE_MANAGER', storeId: world.storeA, requestedByUserId: world.users.managerA.id });
    const approvalId = pending?.id ?? '';
    expect((await adjustment(id)).status).toBe('AWAITING_APPROVAL');

    // The inbox: the second manager has it to decide, the requester sees it without the right to decide.
    const mine = async (key: ApprovalsUserKey) =>
      (
        (
          await request(app)
            .get('/api/approvals')
            .query({ filter: JSON.stringify({ mine: true }) })
            .set('Authorization', as(key))
        ).body as ApprovalBody[]
      ).map((row) => row.id);
    expect(await mine('managerA2')).toContain(approvalId);
    expect(await mine('managerA')).not.toContain(approvalId);
    expect(await mine('managerB')).not.toContain(approvalId);
    const requesterView = (await request(app).get(`/api/approvals/${approvalId}`).set('Authorization', as('managerA')))
      .body as ApprovalBody;
    expect(requesterView).toMatchObject({ canDecide: false, refusal: expect.stringMatching(/four-eyes/) as unknown });

    const own = await request(app).post(`/api/approvals/${approvalId}/approve`).set('Authorization', as('managerA')).send({});
    expect(own.status).toBe(403);
    expect((own.body as ErrorBody).message).toMatch(/second person/);
    expect((await request(app).post(`/api/approvals/${approvalId}/approve`).set('Authorization', as('clerkA')).send({})).status).toBe(403);
    expect((await request(app).post(`/api/approvals/${approvalId}/approve`).set('Authorization', as('managerB')).send({})).status).toBe(
      404,
    );

    // The ops lead edits the adjustment: from now on they may not decide on it.
    const edited = await request(app).put(`/api/stock-adjustments/${id}`).set('Authorization', as('opsLead')).send({ delta: -25 });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ delta: -25, version: 2 });
    const detail = (await request(app).get(`/api/approvals/${approvalId}`).set('Authorization', as('managerA2'))).body as ApprovalBody;
    expect(detail.canDecide).toBe(true);
    expect(detail.diff).toEqual(
      expect.arrayContaining([
        { field: 'delta', before: -20, after: -25 },
        { field: 'valueMinor', before: 50_000, after: 62_500 },
      ]),
    );
    const byEditor = await request(app).post(`/api/approvals/${approvalId}/approve`).set('Authorization', as('opsLead')).send({});
    expect(byEditor.status).toBe(403);
    expect((byEditor.body as ErrorBody).message).toMatch(/edited/);
    expect(await world.prisma.approvalRequest.findUniqueOrThrow({ where: { id: approvalId } })).toMatchObject({ status: 'PENDING' });

    const approved = await request(app).post(`/api/approvals/${approvalId}/approve`).set('Authorization', as('managerA2')).send({});
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'APPROVED', canDecide: false });
    expect((await request(app).post(`/api/approvals/${approvalId}/approve`).set('Authorization', as('managerA2')).send({})).status).toBe(
      409,
    );

    expect((await settled(id, 'stock-adjustment-approved-after-edit')).status).toBe('APPLIED');
    expect(await world.onHandA()).toBe(before - 25);
    const audit = await world.prisma.auditEvent.findMany({ where: { entityId: { in: [approvalId, id] } }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((event) => event.action)).toEqual([
      'stock-adjustment.request',
      'approval.request',
      'stock-adjustment.update',
      'approval.approve',
      'stock-adjustment.apply',
    ]);
    expect((await request(app).put(`/api/stock-adjustments/${id}`).set('Authorization', as('managerA')).send({ delta: -1 })).status).toBe(
      409,
    );
  });

  it('needs a reason to reject, and closes the adjustment with it', async () => {
    const before = await world.onHandA();
    const { id } = (await adjust('managerA', 40)).body as AdjustmentBody;
    const approvalId = (await pendingApprovalOf(id))?.id ?? '';
    const noReason = await request(app).post(`/api/approvals/${approvalId}/reject`).set('Authorization', as('opsLead')).send({});
    expect(noReason.status).toBe(400);
    expect((noReason.body as ErrorBody).errors).toHaveProperty(['reason']);
    const rejected = await request(app)
      .post(`/api/approvals/${approvalId}/reject`)
      .set('Authorization', as('opsLead'))
      .send({ reason: 'The delivery note says 4, not 40' });
    expect(rejected.status).toBe(200);
    const closed = await settled(id, 'stock-adjustment-rejected');
    expect(closed).toMatchObject({ status: 'REJECTED', decisionReason: 'The delivery note says 4, not 40' });
    expect(await world.onHandA()).toBe(before);
  });

  it('withdraws the pending approval when an admin cancels the run waiting for it', async () => {
    const { id } = (await adjust('managerA', 35)).body as AdjustmentBody;
    const approvalId = (await pendingApprovalOf(id))?.id ?? '';
    const workflowId = stockAdjustmentWorkflowId(id);
    // Ops leads do not cancel runs: refused, and the request stays pending.
    const refused = await request(app)
      .post(`/api/workflows/${workflowId}/cancel`)
      .set('Authorization', as('opsLead'))
      .send({ reason: 'x' });
    expect(refused.status).toBe(403);
    expect(await world.prisma.approvalRequest.findUniqueOrThrow({ where: { id: approvalId } })).toMatchObject({ status: 'PENDING' });

    const cancelled = await request(app)
      .post(`/api/workflows/${workflowId}/cancel`)
      .set('Authorization', as('admin'))
      .send({ reason: 'Counted again: no difference' });
    expect(cancelled.status).toBe(200);
    expect(await world.prisma.approvalRequest.findUniqueOrThrow({ where: { id: approvalId } })).toMatchObject({
      status: 'WITHDRAWN',
      withdrawnByUserId: world.users.admin.id,
      reason: 'Counted again: no difference',
      decidedByUserId: null,
    });
    const late = await request(app).post(`/api/approvals/${approvalId}/approve`).set('Authorization', as('opsLead')).send({});
    expect(late.status).toBe(409);
  });

  it('refuses, in the workflow itself, a decision forced past the API by the requester; escalates after the SLA', async () => {
    const { id } = (await adjust('managerA', -12)).body as AdjustmentBody;
    const approvalId = (await pendingApprovalOf(id))?.id ?? '';
    const handle = worker.client.workflow.getHandle(stockAdjustmentWorkflowId(id));
    await handle.signal(approvalDecisionSignal, {
      approvalId,
      outcome: 'APPROVED',
      decidedBy: {
        userId: world.users.managerA.id,
        label: world.users.managerA.email,
        role: 'STORE_STAFF',
        storeId: world.storeA,
        isStoreManager: true,
      },
      reason: null,
      decidedVersion: 1,
    });
    const state = await eventually(
      () => handle.query(approvalsStateQuery),
      (seen) => seen.refused.length > 0 && seen.escalated,
    );
    expect(state).toMatchObject({ pendingApprovalId: approvalId, escalated: true, refused: [{ approvalId, code: 'REQUESTER' }] });
    expect((await adjustment(id)).status).toBe('AWAITING_APPROVAL');
    expect(await world.prisma.approvalRequest.findUniqueOrThrow({ where: { id: approvalId } })).toMatchObject({
      status: 'PENDING',
      escalatedAt: expect.any(Date) as unknown,
    });

    expect((await request(app).post(`/api/approvals/${approvalId}/approve`).set('Authorization', as('opsLead')).send({})).status).toBe(200);
    expect((await settled(id, 'stock-adjustment-forced-decision-refused')).status).toBe('APPLIED');
  });
});
