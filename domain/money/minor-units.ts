import { MAX_TOTAL_MINOR } from '../validation/integers';

/**
 * The one place money read from the database becomes a JavaScript number. Totals, payments and refunds are
 * int8 columns (Prisma reads them as bigint, which JSON, Temporal payloads and react-admin cannot carry);
 * what the API accepts is bounded to Number.MAX_SAFE_INTEGER, so every stored amount converts exactly.
 * An amount past that was written around the API, and reading it as a number would silently round it.
 */
export function minorUnits(amount: bigint | number): number {
  if (typeof amount === 'number') return amount;
  if (amount > BigInt(MAX_TOTAL_MINOR) || amount < -BigInt(MAX_TOTAL_MINOR))
    throw new RangeError(`An amount of ${amount} minor units is beyond what this system handles exactly (${MAX_TOTAL_MINOR})`);
  return Number(amount);
}
