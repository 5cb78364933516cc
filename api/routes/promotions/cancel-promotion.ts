import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import { withdrawPendingApprovals } from '../../../db/approvals/withdraw-approvals';
import { recordAudit } from '../../../db/audit/record-audit';
import { type Actor } from '../../../domain/auth/roles';
import { ConflictError, NotFoundError } from '../../../domain/errors';
import { promotionCancellation } from '../../../domain/promotions/promotion-cancel';
import { PROMOTION_CANCELLED_SIGNAL } from '../../../domain/promotions/promotion-messages';
import { PROMOTION_SUBJECT, promotionWorkflowId } from '../../../domain/promotions/promotion-rules';
import { type PrismaClient, type PromotionStatus } from '../../../prisma/client';
import { queueWorkflowSignal } from '../../../workflow-starts/enqueue-workflow-start';
import { findPromotion, type PromotionRow } from './promotion-view';

export interface PromotionCancel {
  promotionId: string;
  reason: string;
  actor: Actor;
  requestId: string;
}

export interface CancelledPromotion {
  row: PromotionRow;
  /** DIRECT: the run waiting for approval is to be stopped; THROUGH_RUN: its queued signal is to be delivered. */
  kind: 'DIRECT' | 'THROUGH_RUN';
  workflowId: string;
}

/**
 * In one transaction, the promotion locked: refuse what is over (409), cancel a promotion nobody
 * approved yet at once (a start still in the outbox is dropped, so no run begins, and its pending approval
 * request is withdrawn, so the Approvals inbox no longer offers it), or queue the
 * `promotionCancelled` signal for its run (before the start it never goes live; once live it restores
 * and verifies). A second cancel while the first is under way is a 409 too. Audited with the reason.
 */
export async function cancelPromotion(
  prisma: PrismaClient,
  { promotionId, reason, actor, requestId }: PromotionCancel,
): Promise<CancelledPromotion> {
  const workflowId = promotionWorkflowId(promotionId);
  return prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ status: PromotionStatus }[]>`
      SELECT status::text AS status FROM promotions WHERE id = ${promotionId}::uuid FOR UPDATE`;
    const status = locked[0]?.status;
    if (status === undefined) throw new NotFoundError('Promotion not found');
    const cancellation = promotionCancellation(status);
    if (cancellation.kind === 'REFUSED') throw new ConflictError(cancellation.message);
    const earlier = await tx.auditEvent.findFirst({
      where: { entityType: 'Promotion', entityId: promotionId, action: 'promotion.cancel' },
    });
    if (earlier !== null) throw new ConflictError('This promotion is being cancelled already: its run is restoring or stopping it');
    if (cancellation.kind === 'DIRECT') {
      await tx.workflowStart.deleteMany({ where: { workflowId, status: 'PENDING' } });
      await tx.promotion.update({ where: { id: promotionId }, data: { status: 'CANCELLED' } });
      await withdrawPendingApprovals(tx, { subjectType: PROMOTION_SUBJECT, subjectId: promotionId }, { actor, reason, requestId });
    } else if (
      !(await queueWorkflowSignal(tx, workflowId, { name: PROMOTION_CANCELLED_SIGNAL, args: [{ reason, userId: actor.userId }] }))
    ) {
      throw new ConflictError('This promotion has no run to cancel');
    }
    await recordAudit(tx, {
      actor,
      action: 'promotion.cancel',
      entityType: 'Promotion',
      entityId: promotionId,
      before: { status },
      after: { reason, ...(cancellation.kind === 'DIRECT' && { status: 'CANCELLED' }) },
      workflowId,
      requestId,
    });
    return { row: await findPromotion(tx, promotionId), kind: cancellation.kind, workflowId };
  });
}

/**
 * A promotion cancelled directly was waiting for its approval: Temporal's cancel stops that wait (the run
 * ends CANCELLED, nothing was pushed). A run that never started or has closed is fine as it is.
 */
export async function stopRunAwaitingApproval(client: Client, workflowId: string, timeoutMs: number): Promise<void> {
  try {
    await client.connection.withDeadline(Date.now() + timeoutMs, () => client.workflow.getHandle(workflowId).cancel());
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
  }
}
