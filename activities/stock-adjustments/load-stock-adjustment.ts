import { NotFoundError } from '../../domain/errors';
import { minorUnits } from '../../domain/money/minor-units';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';

export interface LoadedStockAdjustment {
  adjustmentId: string;
  storeCode: string;
  sku: string;
  delta: number;
  reason: string;
  valueMinor: number;
  currency: string;
  version: number;
  requestedBy: { userId: string; label: string };
  status: string;
}

/** The adjustment as it is now (the workflow reads it again after every approval round: it may have been edited). */
export function createLoadStockAdjustment({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function loadStockAdjustment({ adjustmentId }: { adjustmentId: string }): Promise<LoadedStockAdjustment> {
    return withTemporalFailures(async () => {
      const adjustment = await prisma.stockAdjustment.findUnique({
        where: { id: adjustmentId },
        include: { store: { select: { code: true } }, product: { select: { sku: true } }, requestedBy: { select: { email: true } } },
      });
      if (adjustment === null) throw new NotFoundError(`Stock adjustment ${adjustmentId} not found`);
      return {
        adjustmentId,
        storeCode: adjustment.store.code,
        sku: adjustment.product.sku,
        delta: adjustment.delta,
        reason: adjustment.reason,
        valueMinor: minorUnits(adjustment.valueMinor),
        currency: adjustment.currency,
        version: adjustment.version,
        requestedBy: { userId: adjustment.requestedByUserId, label: adjustment.requestedBy.email },
        status: adjustment.status,
      };
    });
  };
}
