import { loadApprovalSubject, subjectDiff } from '../../../db/approvals/approval-subjects';
import { editorsOf } from '../../../db/approvals/decide-approval';
import { approvalRefusal, approverLevelOf, mayDecideAtLevel, type ApproverLevel } from '../../../domain/approvals/approval-rules';
import { type Actor } from '../../../domain/auth/roles';
import { minorUnits } from '../../../domain/money/minor-units';
import { type Prisma, type PrismaClient } from '../../../prisma/client';

type ApprovalRow = Prisma.ApprovalRequestGetPayload<object>;
type Snapshot = Record<string, string | number | boolean | null>;

const levelsAtOrBelow: Record<ApproverLevel, ApproverLevel[]> = {
  STORE_MANAGER: ['STORE_MANAGER'],
  OPS_LEAD: ['STORE_MANAGER', 'OPS_LEAD'],
  ADMIN: ['STORE_MANAGER', 'OPS_LEAD', 'ADMIN'],
};

/** Who sees which requests: head office all of them, store staff their store's and the ones they asked for. */
export function visibleApprovalsWhere(actor: Actor): Prisma.ApprovalRequestWhereInput {
  const level = approverLevelOf(actor);
  if (level === 'ADMIN' || level === 'OPS_LEAD') return {};
  return { OR: [...(actor.storeId === null ? [] : [{ storeId: actor.storeId }]), { requestedByUserId: actor.userId }] };
}

/** Pending requests this person may decide: within their level and store, not theirs, not about a subject they edited. */
export function mineToDecideWhere(actor: Actor, editedSubjectIds: ReadonlySet<string>): Prisma.ApprovalRequestWhereInput {
  const level = approverLevelOf(actor);
  if (level === null) return { id: { in: [] } };
  return {
    status: 'PENDING',
    requiredLevel: { in: levelsAtOrBelow[level] },
    requestedByUserId: { not: actor.userId },
    ...(level === 'STORE_MANAGER' && { storeId: actor.storeId }),
    ...(editedSubjectIds.size > 0 && { subjectId: { notIn: [...editedSubjectIds] } }),
  };
}

export function approvalView(row: ApprovalRow, canDecide: boolean) {
  return {
    ...row,
    subjectSnapshot: row.subjectSnapshot as Snapshot,
    amountMinor: minorUnits(row.amountMinor),
    valueLimitMinor: row.valueLimitMinor === null ? null : minorUnits(row.valueLimitMinor),
    canDecide,
  };
}

/** Quick answer for list rows (editors are checked in full on the detail and on the decision itself). */
export function mayDecideListed(actor: Actor, row: ApprovalRow, editedSubjectIds: ReadonlySet<string>): boolean {
  return (
    row.status === 'PENDING' &&
    row.requestedByUserId !== actor.userId &&
    !editedSubjectIds.has(row.subjectId) &&
    mayDecideAtLevel(actor, { requiredLevel: row.requiredLevel, storeId: row.storeId })
  );
}

export async function subjectIdsEditedBy(prisma: PrismaClient, userId: string): Promise<Set<string>> {
  const edits = await prisma.approvalSubjectEdit.findMany({
    where: { editedByUserId: userId },
    select: { subjectId: true },
    distinct: ['subjectId'],
  });
  return new Set(edits.map((edit) => edit.subjectId));
}

/** One request with the subject now and what changed since it was asked for. */
export async function approvalDetail(prisma: PrismaClient, actor: Actor, row: ApprovalRow) {
  const [subject, editors] = await prisma.$transaction(async (tx) => [
    await loadApprovalSubject(tx, row.subjectType, row.subjectId),
    await editorsOf(tx, row.subjectType, row.subjectId),
  ]);
  const refusal = approvalRefusal(actor, {
    status: row.status,
    requestedByUserId: row.requestedByUserId,
    requiredLevel: row.requiredLevel,
    storeId: row.storeId,
    editorUserIds: editors,
  });
  const before = row.subjectSnapshot as Snapshot;
  return {
    ...approvalView(row, refusal === null),
    subjectNow: subject === null ? null : { version: subject.version, summary: subject.summary, fields: subject.fields },
    diff:
      subject === null
        ? []
        : (subjectDiff(before, subject.fields) as { field: string; before: Snapshot[string]; after: Snapshot[string] }[]),
    refusal: refusal?.message ?? null,
  };
}
