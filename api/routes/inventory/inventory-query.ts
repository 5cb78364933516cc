import { type PrismaClient, Prisma } from '../../../prisma/client';
import { type Page } from '../../lists/pagination';
import { type InventoryLevelRow, type InventoryListQuery, type inventorySortFields } from './inventory.validators';

/**
 * The inventory read model in SQL: `available` is computed (onHand - reserved) and must be sortable and
 * filterable, which Prisma's query builder cannot express. Sort keys map to fixed SQL expressions, so
 * nothing a client sends is ever spliced into the statement.
 */
const sortExpressions: Record<(typeof inventorySortFields)[number], Prisma.Sql> = {
  sku: Prisma.sql`p.sku`,
  productName: Prisma.sql`p.name`,
  storeCode: Prisma.sql`s.code`,
  onHand: Prisma.sql`il.on_hand`,
  reserved: Prisma.sql`il.reserved`,
  available: Prisma.sql`(il.on_hand - il.reserved)`,
  updatedAt: Prisma.sql`il.updated_at`,
};

const fromClause = Prisma.sql`FROM inventory_levels il JOIN stores s ON s.id = il.store_id JOIN products p ON p.id = il.product_id`;

const selectColumns = Prisma.sql`
  il.id, il.store_id AS "storeId", s.code AS "storeCode", s.name AS "storeName",
  il.product_id AS "productId", p.sku, p.name AS "productName",
  il.on_hand AS "onHand", il.reserved, (il.on_hand - il.reserved) AS available,
  il.version, il.updated_at AS "updatedAt"`;

function uuidIn(column: Prisma.Sql, ids: readonly string[]): Prisma.Sql {
  return Prisma.sql`${column} IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))})`;
}

/** `%`, `_` and `\` typed into a search box are literal characters, not wildcards. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

export interface InventoryFilter extends Omit<InventoryListQuery['filter'], 'storeId'> {
  /** Already narrowed to what the caller may see. */
  storeIds: readonly string[] | undefined;
}

function whereClause(filter: InventoryFilter, lowStockThreshold: number): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filter.id !== undefined) conditions.push(uuidIn(Prisma.sql`il.id`, filter.id));
  if (filter.storeIds !== undefined) conditions.push(uuidIn(Prisma.sql`il.store_id`, filter.storeIds));
  if (filter.productId !== undefined) conditions.push(uuidIn(Prisma.sql`il.product_id`, filter.productId));
  if (filter.sku !== undefined) conditions.push(Prisma.sql`p.sku = ${filter.sku}`);
  if (filter.q !== undefined) {
    const pattern = containsPattern(filter.q);
    conditions.push(Prisma.sql`(p.sku ILIKE ${pattern} OR p.name ILIKE ${pattern})`);
  }
  if (filter.lowStock === true) conditions.push(Prisma.sql`(il.on_hand - il.reserved) <= ${lowStockThreshold}`);
  if (filter.lowStock === false) conditions.push(Prisma.sql`(il.on_hand - il.reserved) > ${lowStockThreshold}`);
  return conditions.length === 0 ? Prisma.empty : Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}`;
}

export function findInventoryPage(
  prisma: PrismaClient,
  query: { filter: InventoryFilter; sort: InventoryListQuery['sort']; page: Page; lowStockThreshold: number },
): { rows: Promise<InventoryLevelRow[]>; total: Promise<number> } {
  const where = whereClause(query.filter, query.lowStockThreshold);
  const direction = query.sort.order === 'ASC' ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  return {
    rows: prisma.$queryRaw<InventoryLevelRow[]>`
      SELECT ${selectColumns} ${fromClause} ${where}
      ORDER BY ${sortExpressions[query.sort.field]} ${direction}, il.id ASC
      LIMIT ${query.page.take} OFFSET ${query.page.skip}`,
    total: prisma.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total ${fromClause} ${where}`.then(
      (result) => result[0]?.total ?? 0,
    ),
  };
}

export async function findInventoryLevel(prisma: PrismaClient, id: string): Promise<InventoryLevelRow | undefined> {
  const rows = await prisma.$queryRaw<InventoryLevelRow[]>`SELECT ${selectColumns} ${fromClause} WHERE il.id = ${id}::uuid`;
  return rows[0];
}
