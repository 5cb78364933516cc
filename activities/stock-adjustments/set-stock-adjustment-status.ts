import { recordAudit } from '../../db/audit/record-audit';
import { ConflictError } from '../../domain/errors';
import { type StockAdjustmentStatus } from '../../prisma/client';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';

export interface SetStockAdjustmentStatusInput {
  adjustmentId: string;
  status: Extract<StockAdjustmentStatus, 'AWAITING_APPROVAL' | 'APPROVED' | 'APPLIED' | 'REJECTED'>;
  /**
   * APPROVED (taken for applying): the version the run checked, and the approval that covers it if one was
   * needed; refused (SUPERSEDED) when the adjustment was edited since or the approval no longer stands.
   */
  expectedVersion?: number;
  approvalId?: string;
  decisionReason?: string | null;
  workflowId: string;
}

export type SetStockAdjustmentStatusResult = { outcome: 'SET' | 'UNCHANGED' } | { outcome: 'SUPERSEDED'; version: number };

const auditActions: Record<SetStockAdjustmentStatusInput['status'], string | null> = {
  AWAITING_APPROVAL: null,
  APPROVED: null,
  APPLIED: 'stock-adjustment.apply',
  REJECTED: 'stock-adjustment.reject',
};

/**
 * Moves the adjustment along its workflow, the row locked. Taking it as APPROVED checks, in the same
 * transaction, that the approval still covers its current version (an edit since makes it SUPERSEDED: the
 * workflow asks again); from then on the API refuses edits. Closed adjustments never move again.
 */
export function createSetStockAdjustmentStatus({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function setStockAdjustmentStatus(input: SetStockAdjustmentStatusInput): Promise<SetStockAdjustmentStatusResult> {
    return withTemporalFailures(() =>
      prisma.$transaction(async (tx) => {
        const [row] = await tx.$queryRaw<{ status: StockAdjustmentStatus; version: number }[]>`
          SELECT status::text AS status, version FROM stock_adjustments WHERE id = ${input.adjustmentId}::uuid FOR UPDATE`;
        if (row === undefined) throw new ConflictError(`Stock adjustment ${input.adjustmentId} no longer exists`);
        if (row.status === input.status) return { outcome: 'UNCHANGED' as const };
        if (row.status === 'APPLIED' || row.status === 'REJECTED') throw new ConflictError(`Stock adjustment is already ${row.status}`);
        if (input.status === 'APPROVED') {
          if (input.expectedVersion !== row.version) return { outcome: 'SUPERSEDED' as const, version: row.version };
          if (input.approvalId !== undefined) {
            const approval = await tx.approvalRequest.findUnique({ where: { id: input.approvalId } });
            if (approval?.status !== 'APPROVED' || approval.decidedVersion !== row.version)
              return { outcome: 'SUPERSEDED' as const, version: row.version };
          }
        }
        const after = await tx.stockAdjustment.update({
          where: { id: input.adjustmentId },
          data: {
            status: input.status,
            ...(input.status === 'APPLIED' && { appliedAt: new Date() }),
            ...(input.decisionReason !== undefined && { decisionReason: input.decisionReason }),
          },
        });
        const action = auditActions[input.status];
        if (action !== null)
          await recordAudit(tx, {
            actor: { systemLabel: 'workflow:stock-adjustments' },
            action,
            entityType: 'StockAdjustment',
            entityId: input.adjustmentId,
            before: { status: row.status },
            after: { status: after.status, version: after.version, delta: after.delta },
            workflowId: input.workflowId,
          });
        return { outcome: 'SET' as const };
      }),
    );
  };
}
