import { Prisma } from '../../../prisma/client';

/** `column IN (...)` over ids already validated as UUIDs, or no condition at all when every store is in scope. */
export function inStores(column: Prisma.Sql, storeIds: readonly string[] | undefined): Prisma.Sql {
  if (storeIds === undefined) return Prisma.sql`TRUE`;
  return Prisma.sql`${column} IN (${Prisma.join(storeIds.map((id) => Prisma.sql`${id}::uuid`))})`;
}

/** A share, null when there is nothing to divide by (never a made-up 0). */
export function rateOf(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** int8 aggregates arrive as bigint; dashboard figures are far inside the safe-integer range. */
export function countOf(value: bigint | number | null): number {
  return value === null ? 0 : Number(value);
}
