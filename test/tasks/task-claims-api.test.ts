import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { demoLogin, startTestApi, type TestApi } from '../api/support/test-app';

/** A manager of the Amsterdam store, as the seed creates them. */
const amsterdamManager = 'sanne.devries@omni.example';

describe('claims that can be undone: unclaim and reassign', () => {
  let api: TestApi;
  let storeId: string;
  const created: string[] = [];

  beforeAll(async () => {
    api = startTestApi();
    storeId = (await api.prisma.store.findUniqueOrThrow({ where: { code: 'AMS-01' } })).id;
  });

  afterAll(async () => {
    // Audit events are append-only; they stay, naming tasks that no longer exist.
    await api.prisma.task.deleteMany({ where: { id: { in: created } } });
    await api.close();
  });

  async function claimedTaskOf(email: string) {
    const user = await api.prisma.user.findUniqueOrThrow({ where: { email } });
    const task = await api.prisma.task.create({
      data: {
        type: 'PICK',
        queue: 'STORE',
        status: 'CLAIMED',
        title: 'Pick order CLAIM-TEST',
        storeId,
        workflowId: `claim-test:${randomUUID()}`,
        idempotencyKey: `claim-test:${randomUUID()}`,
        assigneeUserId: user.id,
      },
    });
    created.push(task.id);
    return task;
  }

  const post = async (email: string, path: string, body: object = {}) =>
    request(api.app)
      .post(path)
      .set('Authorization', `Bearer ${await api.tokenFor(email)}`)
      .send(body);

  it('lets the claimer give a task back, audited', async () => {
    const task = await claimedTaskOf(demoLogin.amsterdamStaff);
    const response = await post(demoLogin.amsterdamStaff, `/api/tasks/${task.id}/unclaim`);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'OPEN', assigneeUserId: null });
    expect(await api.prisma.auditEvent.count({ where: { entityId: task.id, action: 'task.unclaim' } })).toBe(1);
  });

  it('refuses a colleague who is not a manager, and writes nothing', async () => {
    const manager = await api.prisma.user.findUniqueOrThrow({ where: { email: amsterdamManager } });
    const task = await claimedTaskOf(amsterdamManager);
    const response = await post(demoLogin.amsterdamStaff, `/api/tasks/${task.id}/unclaim`);

    expect(response.status).toBe(403);
    expect(await api.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
      status: 'CLAIMED',
      assigneeUserId: manager.id,
    });
  });

  it("lets the store's manager hand a claimed task to a colleague, audited", async () => {
    const clerk = await api.prisma.user.findUniqueOrThrow({ where: { email: demoLogin.amsterdamStaff } });
    const task = await claimedTaskOf(amsterdamManager);
    const response = await post(amsterdamManager, `/api/tasks/${task.id}/reassign`, { userId: clerk.id });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'CLAIMED', assigneeUserId: clerk.id });
    expect(await api.prisma.auditEvent.count({ where: { entityId: task.id, action: 'task.reassign' } })).toBe(1);
  });

  it('refuses to reassign to staff of another store (400 on userId) or by a clerk (403), writing nothing', async () => {
    const berlin = await api.prisma.user.findUniqueOrThrow({ where: { email: demoLogin.berlinStaff } });
    const task = await claimedTaskOf(demoLogin.amsterdamStaff);
    const otherStore = await post(amsterdamManager, `/api/tasks/${task.id}/reassign`, { userId: berlin.id });
    const byClerk = await post(demoLogin.amsterdamStaff, `/api/tasks/${task.id}/reassign`, { userId: berlin.id });
    const malformed = await post(amsterdamManager, `/api/tasks/${task.id}/reassign`, { userId: 'nobody' });

    expect(otherStore.status).toBe(400);
    expect((otherStore.body as { errors: Record<string, string> }).errors).toHaveProperty('userId');
    expect(byClerk.status).toBe(403);
    expect(malformed.status).toBe(400);
    expect((await api.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).assigneeUserId).not.toBe(berlin.id);
    expect(await api.prisma.auditEvent.count({ where: { entityId: task.id } })).toBe(0);
  });

  it("refuses to complete a colleague's claimed task (409) before anything reaches the workflow", async () => {
    const task = await claimedTaskOf(amsterdamManager);
    const response = await post(demoLogin.amsterdamStaff, `/api/tasks/${task.id}/complete`, {
      lines: [{ lineId: randomUUID(), pickedQuantity: 1 }],
    });

    expect(response.status).toBe(409);
    expect((response.body as { message: string }).message).toMatch(/claimed/);
  });
});
