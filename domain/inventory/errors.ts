import { ConflictError } from '../errors';
import { type StockBreach } from './stock-levels';

/**
 * Stock rejections. Both are conflicts with the current state (HTTP 409 through the API's handler);
 * activities report a short reservation with the more precise failure type below, so a workflow can
 * tell "sold out" from other conflicts and offer another store.
 */

export const INSUFFICIENT_STOCK = 'INSUFFICIENT_STOCK';
/** A new reservation at a store whose pickup an outage paused (docs/outages.md). */
export const STORE_PICKUP_PAUSED = 'STORE_PICKUP_PAUSED';

export interface ShortLine {
  sku: string;
  requested: number;
  available: number;
}

export class InsufficientStockError extends ConflictError {
  readonly failureType = INSUFFICIENT_STOCK;

  constructor(readonly shortLines: ShortLine[]) {
    super(
      `Not enough stock: ${shortLines.map((line) => `${line.sku} (requested ${line.requested}, available ${line.available})`).join(', ')}`,
    );
  }
}

/** The store is cut off (an outage paused its pickup): it takes no new reservation; one already recorded stands. */
export class StorePickupPausedError extends ConflictError {
  readonly failureType = STORE_PICKUP_PAUSED;

  constructor(readonly storeCode: string) {
    super(`Pickup at ${storeCode} is paused while the store is cut off (an outage)`);
  }
}

/** A release, hand-over or adjustment that would leave a level negative or more reserved than on hand. */
export class StockInvariantError extends ConflictError {
  constructor(
    message: string,
    readonly breaches: StockBreach[],
  ) {
    super(message);
  }
}
