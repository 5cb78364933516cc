/**
 * Drift is the difference between what we pushed to a channel and what its read-back shows. A channel
 * that answers "applied" and then does not apply (or loses a listing) is only visible this way.
 */
export interface PublishedListing {
  stock: number;
  open: boolean;
}

export interface ShownListing {
  /** False when the channel has no listing for the SKU at all. */
  listed: boolean;
  stock: number | null;
  open: boolean;
}

export interface ListingDrift {
  drifted: boolean;
  /** Shown minus published; null when the channel shows no stock figure. */
  stockDelta: number | null;
  openMismatch: boolean;
  missing: boolean;
}

/**
 * `toleranceUnits` absorbs stock differences a channel is allowed (e.g. it decrements on its own orders
 * before our next push); a missing listing, an unknown stock figure or a wrong open/closed state is
 * always drift.
 */
export function compareListing(published: PublishedListing, shown: ShownListing, toleranceUnits: number): ListingDrift {
  if (!shown.listed) return { drifted: true, stockDelta: null, openMismatch: published.open, missing: true };
  const stockDelta = shown.stock === null ? null : shown.stock - published.stock;
  const openMismatch = shown.open !== published.open;
  const stockDrifted = stockDelta === null || Math.abs(stockDelta) > toleranceUnits;
  return { drifted: stockDrifted || openMismatch, stockDelta, openMismatch, missing: false };
}

/** One line an operator reads on the discrepancy: what we pushed, what the channel shows. */
export function describeDrift(published: PublishedListing, shown: ShownListing): string {
  if (!shown.listed) return `channel has no listing; we pushed ${published.stock} units, ${published.open ? 'open' : 'closed'}`;
  return `channel shows ${shown.stock ?? 'no'} units, ${shown.open ? 'open' : 'closed'}; we pushed ${published.stock} units, ${published.open ? 'open' : 'closed'}`;
}
