import { minorUnits } from '../../domain/money/minor-units';
import { type Prisma } from '../../prisma/client';
import { type ApprovalSubjectView } from '../approvals/approval-subjects';

/** A stock adjustment as approvals show and compare it: what a person would check before saying yes. */
export async function loadStockAdjustmentSubject(tx: Prisma.TransactionClient, id: string): Promise<ApprovalSubjectView | null> {
  const adjustment = await tx.stockAdjustment.findUnique({
    where: { id },
    include: { store: { select: { code: true, name: true } }, product: { select: { sku: true, name: true } } },
  });
  if (adjustment === null) return null;
  return {
    version: adjustment.version,
    storeId: adjustment.storeId,
    summary: `${adjustment.delta > 0 ? '+' : ''}${adjustment.delta} x ${adjustment.product.sku} at ${adjustment.store.code}: ${adjustment.reason}`,
    fields: {
      store: adjustment.store.code,
      sku: adjustment.product.sku,
      product: adjustment.product.name,
      delta: adjustment.delta,
      reason: adjustment.reason,
      valueMinor: minorUnits(adjustment.valueMinor),
      currency: adjustment.currency,
    },
  };
}
