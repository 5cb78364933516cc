import { planRelease } from '../../domain/inventory/plan-stock-change';
import { parseStockRequest } from '../../domain/inventory/parse-stock-request';
import { defaultInventorySettings, type InventorySettings } from '../../domain/inventory/settings';
import { type StockChangeOutcome } from '../../domain/inventory/stock-change';
import { stockQuantityChangeSchema, type StockReleaseRequest } from '../../domain/inventory/stock-requests';
import { type ActivityDeps } from '../deps';
import { applyStockChange } from './apply-stock-change';
import { withTemporalFailures } from '../failures/to-temporal-failure';

/**
 * Takes reserved units back into available stock (order cancelled, pickup expired; also a saga's
 * compensation of reserveStock). Releasing more than is reserved is a CONFLICT. Idempotent by business
 * key, e.g. `release:<orderId>` or `release:<orderId>:<lineId>`.
 */
export function createReleaseStock({ prisma }: Pick<ActivityDeps, 'prisma'>, settings: InventorySettings = defaultInventorySettings) {
  return async function releaseStock(request: StockReleaseRequest): Promise<StockChangeOutcome> {
    return withTemporalFailures(() =>
      applyStockChange(prisma, settings, planRelease(parseStockRequest(stockQuantityChangeSchema, request), settings)),
    );
  };
}
