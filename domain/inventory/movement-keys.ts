import { type StockDeltaLine } from './stock-change';

/**
 * Idempotency keys of a change's ledger rows (the ledger's idempotency_key is unique). The first line in
 * lock order carries the business key itself, so every change with that key collides on one row: a
 * retried or concurrent duplicate waits for the first and then finds it, and a different change reusing
 * the key is caught. The other lines are `<businessKey>#<sku>`.
 */
export function movementKeys(businessKey: string, lines: readonly StockDeltaLine[]): string[] {
  return lines.map((line, index) => (index === 0 ? businessKey : `${businessKey}#${line.sku}`));
}

/** Prefix of the keys of a change's second and later lines. */
export function movementKeyPrefix(businessKey: string): string {
  return `${businessKey}#`;
}
