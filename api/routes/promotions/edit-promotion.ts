import { recordSubjectEdit } from '../../../db/approvals/record-subject-edit';
import { recordAudit } from '../../../db/audit/record-audit';
import { checkedScope, promotionColumns, writePromotionScope } from '../../../db/promotions/write-promotion';
import { type Actor } from '../../../domain/auth/roles';
import { ConflictError, NotFoundError } from '../../../domain/errors';
import { PROMOTION_EDITED_SIGNAL, type PromotionEditedMessage } from '../../../domain/promotions/promotion-messages';
import { isEditable, PROMOTION_SUBJECT } from '../../../domain/promotions/promotion-rules';
import { type PromotionInput } from '../../../domain/promotions/promotion-schemas';
import { type PrismaClient } from '../../../prisma/client';
import { queueWorkflowSignal } from '../../../workflow-starts/enqueue-workflow-start';
import { findPromotion, type PromotionRow } from './promotion-view';

export interface PromotionEdit {
  promotionId: string;
  input: PromotionInput;
  actor: Actor;
  requestId: string;
}

/**
 * An edit before the start: the new version is checked like a new promotion (floor, conflicts), the
 * editor may never approve it (recordSubjectEdit), an approval already given is superseded and the run is
 * told, so a scheduled promotion leaves its timer, asks again and re-arms it for the (maybe moved) start.
 */
export async function editPromotion(prisma: PrismaClient, { promotionId, input, actor, requestId }: PromotionEdit): Promise<PromotionRow> {
  return prisma.$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM promotions WHERE id = ${promotionId}::uuid FOR UPDATE`;
      if (locked.length === 0) throw new NotFoundError('Promotion not found');
      const before = await findPromotion(tx, promotionId);
      if (!isEditable(before.status))
        throw new ConflictError(`This promotion is ${before.status.toLowerCase().replace('_', ' ')}: it can no longer be edited`);
      const scope = await checkedScope(tx, promotionId, input);
      const reopened = before.status === 'APPROVED' || before.status === 'SCHEDULED';
      const after = await tx.promotion.update({
        where: { id: promotionId },
        data: {
          ...promotionColumns(input),
          version: { increment: 1 },
          ...(reopened && { status: 'PENDING_APPROVAL', approvedByUserId: null, approvedAt: null }),
        },
      });
      await writePromotionScope(tx, promotionId, scope);
      const changes = {
        before: { ...snapshotOf(before), skus: before._count.skus },
        after: { ...promotionColumns(input), skus: scope.productIds.length },
      };
      await recordSubjectEdit(tx, {
        subjectType: PROMOTION_SUBJECT,
        subjectId: promotionId,
        editedByUserId: actor.userId,
        version: after.version,
        ...changes,
      });
      if (after.workflowId !== null) {
        const message: PromotionEditedMessage = { version: after.version, editedByUserId: actor.userId };
        await queueWorkflowSignal(tx, after.workflowId, { name: PROMOTION_EDITED_SIGNAL, args: [message] });
      }
      await recordAudit(tx, {
        actor,
        action: 'promotion.update',
        entityType: 'Promotion',
        entityId: promotionId,
        ...changes,
        workflowId: after.workflowId ?? undefined,
        requestId,
      });
      return findPromotion(tx, promotionId);
    },
    { timeout: 120_000 },
  );
}

function snapshotOf(row: PromotionRow) {
  return {
    name: row.name,
    discountType: row.discountType,
    discountValue: row.discountValue,
    currency: row.currency,
    timeZone: row.timeZone,
    startsLocal: row.startsLocal,
    endsLocal: row.endsLocal,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    categories: row.categories,
    brands: row.brands,
  };
}
