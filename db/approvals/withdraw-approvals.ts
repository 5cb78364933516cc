import { type Actor } from '../../domain/auth/roles';
import { type Prisma } from '../../prisma/client';
import { recordAudit } from '../audit/record-audit';

/** Whose pending requests: those about a subject, or those a run is waiting on. */
export type WithdrawnScope = { subjectType: string; subjectId: string } | { workflowId: string };

export interface ApprovalWithdrawal {
  actor: Actor;
  reason: string;
  requestId?: string;
}

/**
 * The subject was cancelled while nobody had decided: its PENDING requests become WITHDRAWN (who and when,
 * the cancel's reason), one audit row each, in the caller's transaction, so the Approvals inbox never offers
 * a decision on something that no longer happens. The rows are locked first: a decision racing the cancel
 * either commits before (and the request is decided, not withdrawn) or finds it WITHDRAWN (409).
 */
export async function withdrawPendingApprovals(
  tx: Prisma.TransactionClient,
  scope: WithdrawnScope,
  { actor, reason, requestId }: ApprovalWithdrawal,
): Promise<number> {
  const pending =
    'workflowId' in scope
      ? await tx.$queryRaw<{ id: string; workflow_id: string | null }[]>`
          SELECT id, workflow_id FROM approval_requests WHERE workflow_id = ${scope.workflowId} AND status = 'PENDING' FOR UPDATE`
      : await tx.$queryRaw<{ id: string; workflow_id: string | null }[]>`
          SELECT id, workflow_id FROM approval_requests
          WHERE subject_type = ${scope.subjectType} AND subject_id = ${scope.subjectId}::uuid AND status = 'PENDING' FOR UPDATE`;
  if (pending.length === 0) return 0;
  const ids = pending.map((row) => row.id);
  await tx.approvalRequest.updateMany({
    where: { id: { in: ids }, status: 'PENDING' },
    data: { status: 'WITHDRAWN', withdrawnByUserId: actor.userId, withdrawnAt: new Date(), reason },
  });
  for (const request of pending) {
    await recordAudit(tx, {
      actor,
      action: 'approval.withdraw',
      entityType: 'ApprovalRequest',
      entityId: request.id,
      before: { status: 'PENDING' },
      after: { status: 'WITHDRAWN', reason },
      workflowId: request.workflow_id ?? undefined,
      requestId,
    });
  }
  return ids.length;
}
