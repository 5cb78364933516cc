/**
 * Opening stock per store and SKU, deterministic so every fresh database shows the same demo: mostly
 * healthy stock, some SKUs nearly sold out (listings close at low stock), some out of stock.
 */
export const OUT_OF_STOCK_PERCENT = 8;
export const LOW_STOCK_PERCENT = 12;
export const LOW_STOCK_MAX_UNITS = 3;
export const TYPICAL_STOCK_MIN_UNITS = 6;
export const TYPICAL_STOCK_MAX_UNITS = 40;

/** FNV-1a: a stable, well-spread number from a string, so stock does not depend on insertion order. */
function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function openingStockUnits(storeCode: string, sku: string, stockScale: number): number {
  const hash = stableHash(`${storeCode}/${sku}`);
  const bucket = hash % 100;
  if (bucket < OUT_OF_STOCK_PERCENT) return 0;
  const spread = Math.floor(hash / 100);
  if (bucket < OUT_OF_STOCK_PERCENT + LOW_STOCK_PERCENT) return 1 + (spread % LOW_STOCK_MAX_UNITS);
  const typical = TYPICAL_STOCK_MIN_UNITS + (spread % (TYPICAL_STOCK_MAX_UNITS - TYPICAL_STOCK_MIN_UNITS + 1));
  return Math.max(TYPICAL_STOCK_MIN_UNITS, Math.round(typical * stockScale));
}
