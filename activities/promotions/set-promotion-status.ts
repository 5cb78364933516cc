import { recordAudit } from '../../db/audit/record-audit';
import { ConflictError } from '../../domain/errors';
import { workflowActor } from '../../domain/workflow-kit/process-actor';
import { type PromotionStatus } from '../../prisma/client';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';

export interface SetPromotionStatusInput {
  promotionId: string;
  status: Extract<
    PromotionStatus,
    'PENDING_APPROVAL' | 'SCHEDULED' | 'ACTIVE' | 'ROLLING_BACK' | 'ENDED' | 'FAILED' | 'REJECTED' | 'CANCELLED'
  >;
  /** SCHEDULED: the version the approval covers and the approval; an edit since answers SUPERSEDED. */
  expectedVersion?: number;
  approvalId?: string;
  approvedByUserId?: string;
  reason?: string | null;
  workflowId: string;
}

export type SetPromotionStatusResult = { outcome: 'SET' | 'UNCHANGED' } | { outcome: 'SUPERSEDED'; version: number };

const CLOSED: readonly PromotionStatus[] = ['ENDED', 'REJECTED', 'CANCELLED'];
const PROMOTIONS_ACTOR = workflowActor('promotions');

/**
 * Moves the promotion along its rollout, the row locked. Taking it as SCHEDULED checks in the same
 * transaction that the approval still covers its current version (docs/approvals.md); ACTIVE and later
 * refuse edits in the API. A closed promotion never moves again.
 */
export function createSetPromotionStatus({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function setPromotionStatus(input: SetPromotionStatusInput): Promise<SetPromotionStatusResult> {
    return withTemporalFailures(() =>
      prisma.$transaction(async (tx) => {
        const [row] = await tx.$queryRaw<{ status: PromotionStatus; version: number }[]>`
          SELECT status::text AS status, version FROM promotions WHERE id = ${input.promotionId}::uuid FOR UPDATE`;
        if (row === undefined) throw new ConflictError(`Promotion ${input.promotionId} no longer exists`);
        if (row.status === input.status && input.status !== 'SCHEDULED') return { outcome: 'UNCHANGED' as const };
        if (CLOSED.includes(row.status)) throw new ConflictError(`Promotion is already ${row.status}`);
        if (input.status === 'SCHEDULED') {
          if (input.expectedVersion !== row.version) return { outcome: 'SUPERSEDED' as const, version: row.version };
          const approval = input.approvalId === undefined ? null : await tx.approvalRequest.findUnique({ where: { id: input.approvalId } });
          if (approval?.status !== 'APPROVED' || approval.decidedVersion !== row.version)
            return { outcome: 'SUPERSEDED' as const, version: row.version };
        }
        await tx.promotion.update({
          where: { id: input.promotionId },
          data: {
            status: input.status,
            ...(input.status === 'SCHEDULED' && { approvedByUserId: input.approvedByUserId ?? null, approvedAt: new Date() }),
            ...(input.status === 'REJECTED' && { rejectionReason: input.reason ?? null }),
          },
        });
        await recordAudit(tx, {
          actor: PROMOTIONS_ACTOR,
          action: `promotion.${input.status.toLowerCase()}`,
          entityType: 'Promotion',
          entityId: input.promotionId,
          before: { status: row.status },
          after: { status: input.status, ...(input.reason != null && { reason: input.reason }) },
          workflowId: input.workflowId,
        });
        return { outcome: 'SET' as const };
      }),
    );
  };
}
