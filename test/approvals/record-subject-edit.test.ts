import { randomUUID } from 'node:crypto';
import { recordSubjectEdit } from '../../db/approvals/record-subject-edit';
import { ApprovalsWorld } from './support/approvals-world';

/**
 * An approved subject edited afterwards needs a new approval: the edit, in its own transaction, makes the
 * approval SUPERSEDED and records the editor; a pending request stays pending (its page shows the diff).
 */
describe('editing a subject after its approval', () => {
  const world = new ApprovalsWorld();
  const subjectId = randomUUID();
  beforeAll(() => world.setUp());
  afterAll(async () => {
    await world.prisma.approvalRequest.deleteMany({ where: { subjectId } });
    await world.prisma.approvalSubjectEdit.deleteMany({ where: { subjectId } });
    await world.tearDown();
  });

  const request = (status: 'PENDING' | 'APPROVED') =>
    world.prisma.approvalRequest.create({
      data: {
        subjectType: 'TEST_SUBJECT',
        subjectId,
        subjectVersion: 1,
        subjectSnapshot: { delta: 20 },
        summary: 'test',
        requestedByUserId: world.users.managerA.id,
        requiredLevel: 'STORE_MANAGER',
        storeId: world.storeA,
        amountMinor: 100n,
        currency: 'EUR',
        slaDueAt: new Date(),
        idempotencyKey: `approval:test:${randomUUID()}`,
        ...(status === 'APPROVED' && {
          status,
          decidedByUserId: world.users.managerA2.id,
          decidedAt: new Date(),
          decidedVersion: 1,
        }),
      },
    });

  it('supersedes the approval, keeps the pending request, and records the editor', async () => {
    const approved = await request('APPROVED');
    const pending = await request('PENDING');
    const superseded = await world.prisma.$transaction((tx) =>
      recordSubjectEdit(tx, {
        subjectType: 'TEST_SUBJECT',
        subjectId,
        editedByUserId: world.users.opsLead.id,
        version: 2,
        before: { delta: 20 },
        after: { delta: 25 },
      }),
    );
    expect(superseded).toEqual([approved.id]);
    expect(await world.prisma.approvalRequest.findUniqueOrThrow({ where: { id: approved.id } })).toMatchObject({ status: 'SUPERSEDED' });
    expect(await world.prisma.approvalRequest.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ status: 'PENDING' });
    expect(await world.prisma.approvalSubjectEdit.findMany({ where: { subjectId } })).toEqual([
      expect.objectContaining({ editedByUserId: world.users.opsLead.id, version: 2 }),
    ]);
  });
});
