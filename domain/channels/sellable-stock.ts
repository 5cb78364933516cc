/**
 * What we publish to a channel for one listing: the units it may sell and whether the listing is open.
 * Pure rules shared by the stock-sync activities and their tests.
 */
export interface ListingStockFacts {
  /** Units on hand minus reserved, summed over the active stores (may be 0, never negative). */
  available: number;
  /** A product taken out of the catalogue is sold nowhere, whatever its stock. */
  productActive: boolean;
  /** Units the channel never gets to sell (a cushion against its own overselling lag). */
  safetyBuffer: number;
  /** The listing closes when sellable stock is at or below this. */
  closeListingAtOrBelow: number;
}

export interface DesiredListingState {
  /** Sellable units to publish: available minus the safety buffer, never below zero. */
  quantity: number;
  open: boolean;
}

export function sellableStock(available: number, safetyBuffer: number): number {
  return Math.max(0, available - Math.max(0, safetyBuffer));
}

export function desiredListingState(facts: ListingStockFacts): DesiredListingState {
  const quantity = facts.productActive ? sellableStock(facts.available, facts.safetyBuffer) : 0;
  return { quantity, open: facts.productActive && quantity > facts.closeListingAtOrBelow };
}

/**
 * Open/close calls are only sent when they change something: when the state we want differs from what
 * we last set, or from what the channel showed at the last read-back (it may have reopened a listing
 * on its own, or lost it). Stock is pushed every run; status calls stay rare.
 */
export function needsListingStatusPush(desiredOpen: boolean, recordedOpen: boolean, lastShownOpen: boolean | null): boolean {
  return desiredOpen !== recordedOpen || (lastShownOpen !== null && lastShownOpen !== desiredOpen);
}
