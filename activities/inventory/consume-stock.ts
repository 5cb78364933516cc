import { planConsumption } from '../../domain/inventory/plan-stock-change';
import { parseStockRequest } from '../../domain/inventory/parse-stock-request';
import { defaultInventorySettings, type InventorySettings } from '../../domain/inventory/settings';
import { type StockChangeOutcome } from '../../domain/inventory/stock-change';
import { stockQuantityChangeSchema, type StockConsumptionRequest } from '../../domain/inventory/stock-requests';
import { type ActivityDeps } from '../deps';
import { applyStockChange } from './apply-stock-change';
import { withTemporalFailures } from '../failures/to-temporal-failure';

/**
 * Hand-over: reserved goods leave the store, so on hand and reserved both go down by the quantity.
 * Consuming more than is reserved is a CONFLICT. Idempotent by business key, e.g. `consume:<orderId>`.
 */
export function createConsumeStock({ prisma }: Pick<ActivityDeps, 'prisma'>, settings: InventorySettings = defaultInventorySettings) {
  return async function consumeStock(request: StockConsumptionRequest): Promise<StockChangeOutcome> {
    return withTemporalFailures(() =>
      applyStockChange(prisma, settings, planConsumption(parseStockRequest(stockQuantityChangeSchema, request), settings)),
    );
  };
}
