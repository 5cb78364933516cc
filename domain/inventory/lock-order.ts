/**
 * Merges lines naming the same SKU and sorts them by SKU. Every stock transaction takes its row locks in
 * this order (store, then SKU; a change is for one store), so two changes touching the same SKUs queue
 * behind each other instead of deadlocking.
 */
export function mergeLinesInLockOrder<Line extends { sku: string }>(lines: readonly Line[], combine: (a: Line, b: Line) => Line): Line[] {
  const bySku = new Map<string, Line>();
  for (const line of lines) {
    const seen = bySku.get(line.sku);
    bySku.set(line.sku, seen ? combine(seen, line) : line);
  }
  return [...bySku.values()].sort((a, b) => compareSkus(a.sku, b.sku));
}

/** Code-point order: the same on every machine, whatever the locale. */
export function compareSkus(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
