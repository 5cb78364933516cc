import { APPROVAL_DECISION_SIGNAL, type ApprovalDecisionMessage } from '../../domain/approvals/approval-messages';
import { approvalRefusal } from '../../domain/approvals/approval-rules';
import { type Actor } from '../../domain/auth/roles';
import { ConflictError, ForbiddenError, InvalidDataError, NotFoundError } from '../../domain/errors';
import { type ApprovalStatus, type Prisma } from '../../prisma/client';
import { queueWorkflowSignal } from '../../workflow-starts/enqueue-workflow-start';
import { recordAudit } from '../audit/record-audit';
import { loadApprovalSubject } from './approval-subjects';

export interface ApprovalDecisionInput {
  outcome: 'APPROVED' | 'REJECTED';
  reason: string | null;
}

/** Everyone who edited the subject: they may never decide on it. */
export async function editorsOf(tx: Prisma.TransactionClient, subjectType: string, subjectId: string): Promise<string[]> {
  const edits = await tx.approvalSubjectEdit.findMany({
    where: { subjectType, subjectId },
    select: { editedByUserId: true },
    distinct: ['editedByUserId'],
  });
  return edits.map((edit) => edit.editedByUserId);
}

/**
 * A person approves or rejects, in one transaction: the request row locked, the four-eyes rules checked
 * (requester or editor: 403; not their level or store: 403; decided already: 409), the decision written
 * with the subject's current version, the waiting workflow's signal queued in the outbox and the audit row
 * written, so all of it commits or none does. The database's CHECKs and trigger back the same rules.
 */
export async function decideApproval(
  tx: Prisma.TransactionClient,
  actor: Actor,
  approvalId: string,
  decision: ApprovalDecisionInput,
  requestId: string | undefined,
) {
  const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM approval_requests WHERE id = ${approvalId}::uuid FOR UPDATE`;
  if (locked === undefined) throw new NotFoundError('No approval request with this id');
  const request = await tx.approvalRequest.findUniqueOrThrow({ where: { id: approvalId } });
  if (decision.outcome === 'REJECTED' && (decision.reason ?? '').trim() === '')
    throw new InvalidDataError('A rejection needs a reason', { reason: 'Say why this is rejected' });
  const refusal = approvalRefusal(actor, {
    status: request.status,
    requestedByUserId: request.requestedByUserId,
    requiredLevel: request.requiredLevel,
    storeId: request.storeId,
    editorUserIds: await editorsOf(tx, request.subjectType, request.subjectId),
  });
  if (refusal?.code === 'NOT_PENDING') throw new ConflictError(refusal.message);
  if (refusal !== null) throw new ForbiddenError(refusal.message);

  const subject = await loadApprovalSubject(tx, request.subjectType, request.subjectId);
  if (subject === null) throw new ConflictError('What this request is about no longer exists');
  const status: ApprovalStatus = decision.outcome;
  const decided = await tx.approvalRequest.update({
    where: { id: approvalId },
    data: {
      status,
      decidedByUserId: actor.userId,
      decidedAt: new Date(),
      decidedVersion: subject.version,
      reason: decision.reason?.trim() || null,
    },
  });
  if (request.workflowId !== null) {
    const message: ApprovalDecisionMessage = {
      approvalId,
      outcome: decision.outcome,
      decidedBy: {
        userId: actor.userId,
        label: actor.email,
        role: actor.role,
        storeId: actor.storeId,
        isStoreManager: actor.isStoreManager,
      },
      reason: decided.reason,
      decidedVersion: subject.version,
    };
    const queued = await queueWorkflowSignal(tx, request.workflowId, { name: APPROVAL_DECISION_SIGNAL, args: [message] });
    if (!queued) throw new Error(`The workflow ${request.workflowId} waiting for approval ${approvalId} has no start in the outbox`);
  }
  await recordAudit(tx, {
    actor,
    action: decision.outcome === 'APPROVED' ? 'approval.approve' : 'approval.reject',
    entityType: 'ApprovalRequest',
    entityId: approvalId,
    before: { status: request.status },
    after: { status, reason: decided.reason, decidedVersion: subject.version },
    workflowId: request.workflowId ?? undefined,
    requestId,
  });
  return decided;
}
