/** What the outage workflow puts in its tasks' payloads (the contract with outage-flow, docs/outages.md). */
export interface OutageChecklistPayload {
  outageId: string;
  storeId: string;
  /** Translation keys of the manual procedure's steps, in order. */
  steps: string[];
}

export interface StockCountPayload {
  storeId: string;
  outageId?: string;
  skus: { sku: string; name: string }[];
}

export interface ReconciliationReviewPayload {
  outageId: string;
  pending: number;
  valueMinor: number;
  currency?: string;
}

/** The API's bound for a counted quantity (domain/validation/integers.ts: quantities up to a million). */
export const maxCountedQuantity = 1_000_000;

/** A count as typed on a phone: whole units, 0 or more; anything else is not a count yet. */
export function parseCount(entered: string): number | null {
  const trimmed = entered.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value <= maxCountedQuantity ? value : null;
}

/** Every SKU counted, in the payload's order, or null while one is missing or not a count. */
export function countsOf(
  skus: readonly { sku: string }[],
  entered: Readonly<Record<string, string>>,
): { sku: string; counted: number }[] | null {
  const counts = skus.map(({ sku }) => ({ sku, counted: parseCount(entered[sku] ?? '') }));
  return counts.every((count) => count.counted !== null) ? (counts as { sku: string; counted: number }[]) : null;
}
