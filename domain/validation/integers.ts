import { z } from 'zod';

/**
 * One bounded integer schema per kind of column, so no number the API accepts can overflow the column
 * (or the JavaScript arithmetic) it ends up in. Quantities, prices and sequences live in int4 columns;
 * order totals in int8, kept in JavaScript as numbers no larger than Number.MAX_SAFE_INTEGER.
 */

export const INT4_MAX = 2_147_483_647;

/** Units of one order or stock line; far below 2^31 so sums of a few lines stay in int4 too. */
export const MAX_LINE_QUANTITY = 1_000_000;

/** A unit price in minor units (cents): an int4 column. */
export const MAX_UNIT_PRICE_MINOR = INT4_MAX;

/** An order total or a payment in minor units: an int8 column, exact as a JavaScript number up to 2^53 - 1. */
export const MAX_TOTAL_MINOR = Number.MAX_SAFE_INTEGER;

/** Any int4 column, within `min`..`max` (defaults: the whole int4 range). */
export function int4({ min = -INT4_MAX - 1, max = INT4_MAX }: { min?: number; max?: number } = {}) {
  return z
    .number()
    .int()
    .min(Math.max(min, -INT4_MAX - 1))
    .max(Math.min(max, INT4_MAX));
}

/** Whole units on a line: 1..MAX_LINE_QUANTITY (0 allowed where a count may be zero, e.g. picked). */
export function lineQuantity({ allowZero = false }: { allowZero?: boolean } = {}) {
  return int4({ min: allowZero ? 0 : 1, max: MAX_LINE_QUANTITY });
}

/** A unit price in minor units: 0..2^31-1. */
export function unitPriceMinor() {
  return int4({ min: 0, max: MAX_UNIT_PRICE_MINOR });
}

/** A total in minor units: 0..2^53-1 (int8 column, exact in JavaScript). */
export function totalMinor() {
  return z.number().int().min(0).max(MAX_TOTAL_MINOR);
}

/** A per-order event sequence number: 1..2^31-1 (int4 column). */
export function sequenceNumber() {
  return int4({ min: 1 });
}

/**
 * The exact sum of quantity x unit price over lines, or null when it exceeds MAX_TOTAL_MINOR. Computed
 * in bigint: a line of 10^6 units at 2^31-1 is already past what a double holds exactly once summed.
 */
export function exactLinesTotal(lines: readonly { quantity: number; unitPriceMinor: number }[]): number | null {
  let total = 0n;
  for (const line of lines) total += BigInt(line.quantity) * BigInt(line.unitPriceMinor);
  return total > BigInt(MAX_TOTAL_MINOR) ? null : Number(total);
}
