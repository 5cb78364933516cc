import { planAdjustment } from '../../domain/inventory/plan-stock-change';
import { parseStockRequest } from '../../domain/inventory/parse-stock-request';
import { defaultInventorySettings, type InventorySettings } from '../../domain/inventory/settings';
import { type StockChangeOutcome } from '../../domain/inventory/stock-change';
import { stockAdjustmentSchema, type StockAdjustmentRequest } from '../../domain/inventory/stock-requests';
import { type ActivityDeps } from '../deps';
import { applyStockChange } from './apply-stock-change';
import { withTemporalFailures } from '../failures/to-temporal-failure';

/**
 * Changes on hand by a signed delta without an order: goods received (RECEIVE), returns put back
 * (RETURN_RESTOCK), damage (WRITE_OFF), counts (ADJUST, RECONCILE), offline sales. Never takes on hand
 * below what is reserved (CONFLICT). Idempotent by business key, e.g. `receive:<deliveryNote>`.
 */
export function createAdjustStock({ prisma }: Pick<ActivityDeps, 'prisma'>, settings: InventorySettings = defaultInventorySettings) {
  return async function adjustStock(request: StockAdjustmentRequest): Promise<StockChangeOutcome> {
    return withTemporalFailures(() =>
      applyStockChange(prisma, settings, planAdjustment(parseStockRequest(stockAdjustmentSchema, request), settings)),
    );
  };
}
