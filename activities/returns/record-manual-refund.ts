import { recordAudit } from '../../db/audit/record-audit';
import { returnRefundKey } from '../../domain/returns/return-keys';
import { type ProcessActor } from '../../domain/workflow-kit/process-actor';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';
import { settleRefundedPayment } from './return-refund-row';

export interface RecordManualRefundInput {
  returnId: string;
  returnLineId: string;
  reference: string;
  actor: ProcessActor;
  workflowId: string;
}

/**
 * A person refunded a line by hand (the channel refused, or the refund stayed unknown): its refund row
 * becomes SUCCEEDED with their reference, once, audited in their name. A row already SUCCEEDED is kept.
 */
export function createRecordManualRefund({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function recordManualRefund(input: RecordManualRefundInput): Promise<{ amountMinor: number }> {
    return withTemporalFailures(async () => {
      const idempotencyKey = returnRefundKey(input.returnId, input.returnLineId);
      const row = await prisma.$transaction(async (tx) => {
        const before = await tx.refund.findUniqueOrThrow({ where: { idempotencyKey } });
        if (before.status === 'SUCCEEDED') return before;
        const after = await tx.refund.update({
          where: { id: before.id },
          data: { status: 'SUCCEEDED', externalRef: `manual:${input.reference}`, completedAt: new Date() },
        });
        await recordAudit(tx, {
          actor: input.actor,
          action: 'refund.manual',
          entityType: 'Refund',
          entityId: before.id,
          before: { status: before.status, failureReason: before.failureReason },
          after: { status: 'SUCCEEDED', reference: input.reference },
          workflowId: input.workflowId,
        });
        return after;
      });
      await settleRefundedPayment(prisma, row.paymentId);
      return { amountMinor: Number(row.amountMinor) };
    });
  };
}
