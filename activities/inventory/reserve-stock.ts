import { planReservation } from '../../domain/inventory/plan-stock-change';
import { parseStockRequest } from '../../domain/inventory/parse-stock-request';
import { defaultInventorySettings, type InventorySettings } from '../../domain/inventory/settings';
import { type StockChangeOutcome } from '../../domain/inventory/stock-change';
import { stockQuantityChangeSchema, type StockReservationRequest } from '../../domain/inventory/stock-requests';
import { type ActivityDeps } from '../deps';
import { applyStockChange } from './apply-stock-change';
import { throwIfPickupPaused } from './paused-store-guard';
import { withTemporalFailures } from '../failures/to-temporal-failure';

/**
 * Promises units at one store to an order: all lines or none. Short lines fail with INSUFFICIENT_STOCK
 * (non-retryable, details: `shortLines`), a store cut off by an outage with STORE_PICKUP_PAUSED; a repeat with the same business key (`reserve:<orderId>`)
 * answers the first outcome with `replayed: true` and changes nothing.
 */
export function createReserveStock({ prisma }: Pick<ActivityDeps, 'prisma'>, settings: InventorySettings = defaultInventorySettings) {
  return async function reserveStock(request: StockReservationRequest): Promise<StockChangeOutcome> {
    return withTemporalFailures(async () => {
      const change = planReservation(parseStockRequest(stockQuantityChangeSchema, request), settings);
      await throwIfPickupPaused(prisma, change.storeCode, change.businessKey);
      return applyStockChange(prisma, settings, change);
    });
  };
}
