import { NotFoundError } from '../../domain/errors';
import { type RecordedStockChange } from '../../domain/inventory/guards';
import { movementKeyPrefix } from '../../domain/inventory/movement-keys';
import { type PlannedStockChange, type StockMovementKind } from '../../domain/inventory/stock-change';
import { type StockLevel } from '../../domain/inventory/stock-levels';
import { type Prisma } from '../../prisma/client';

/** The SQL of the stock transaction, one function per statement. Raw SQL because the rules compare columns. */

type Db = Pick<Prisma.TransactionClient, '$queryRaw' | '$executeRaw'>;

export interface StockRowIds {
  storeId: string;
  productIdBySku: Map<string, string>;
}

/** Finds the store, the SKUs and the acting user in one round trip; anything unknown is NOT_FOUND. */
export async function resolveStockRowIds(db: Db, change: PlannedStockChange): Promise<StockRowIds> {
  const skus = change.lines.map((line) => line.sku);
  const rows = await db.$queryRaw<{ kind: 'store' | 'product' | 'user'; id: string; code: string }[]>`
    SELECT 'store' AS kind, id::text AS id, code FROM stores WHERE code = ${change.storeCode}
    UNION ALL SELECT 'product', id::text, sku FROM products WHERE sku = ANY(${skus}::text[])
    UNION ALL SELECT 'user', id::text, id::text FROM users WHERE id = ${change.actor.userId}::uuid`;
  const storeId = rows.find((row) => row.kind === 'store')?.id;
  const productIdBySku = new Map(rows.filter((row) => row.kind === 'product').map((row) => [row.code, row.id]));
  const missing = [
    ...(storeId === undefined ? [`store ${change.storeCode}`] : []),
    ...skus.filter((sku) => !productIdBySku.has(sku)).map((sku) => `SKU ${sku}`),
    ...(change.actor.userId !== null && !rows.some((row) => row.kind === 'user') ? [`user ${change.actor.userId}`] : []),
  ];
  if (storeId === undefined || missing.length > 0) throw new NotFoundError(`Unknown ${missing.join(', ')}`);
  return { storeId, productIdBySku };
}

export interface MovementRow {
  productId: string;
  idempotencyKey: string;
  deltaOnHand: number;
  deltaReserved: number;
}

/**
 * Writes the ledger rows first. ON CONFLICT DO NOTHING makes a concurrent duplicate wait on the unique
 * index until the first transaction ends: if that one committed, nothing is inserted here and the caller
 * replays; if it rolled back, this one goes ahead. Answers the rows it inserted.
 */
export async function insertMovements(
  db: Db,
  storeId: string,
  change: PlannedStockChange,
  rows: readonly MovementRow[],
): Promise<{ createdAt: Date }[]> {
  return db.$queryRaw<{ createdAt: Date }[]>`
    INSERT INTO inventory_movements
      (id, store_id, product_id, kind, delta_on_hand, delta_reserved, reason, actor_user_id, actor_label, workflow_id, idempotency_key)
    SELECT gen_random_uuid(), ${storeId}::uuid, m.product_id, ${change.kind}::inventory_movement_kind, m.delta_on_hand,
           m.delta_reserved, ${change.reason}, ${change.actor.userId}::uuid, ${change.actor.label}, ${change.workflowId}, m.idempotency_key
    FROM unnest(${rows.map((row) => row.productId)}::uuid[], ${rows.map((row) => row.deltaOnHand)}::int[],
                ${rows.map((row) => row.deltaReserved)}::int[], ${rows.map((row) => row.idempotencyKey)}::text[])
         AS m(product_id, delta_on_hand, delta_reserved, idempotency_key)
    ON CONFLICT (idempotency_key) DO NOTHING
    RETURNING created_at AS "createdAt"`;
}

/**
 * The change first recorded under `businessKey`: its rows share the key (first line) or the key's prefix,
 * and the creating transaction's timestamp, which keeps the lookup on an index.
 */
export async function loadRecordedChange(db: Db, businessKey: string): Promise<(RecordedStockChange & { recordedAt: Date }) | undefined> {
  const rows = await db.$queryRaw<
    { kind: StockMovementKind; storeCode: string; sku: string; deltaOnHand: number; deltaReserved: number; createdAt: Date }[]
  >`
    SELECT m.kind::text AS kind, s.code AS "storeCode", p.sku, m.delta_on_hand AS "deltaOnHand",
           m.delta_reserved AS "deltaReserved", m.created_at AS "createdAt"
    FROM inventory_movements m
    JOIN stores s ON s.id = m.store_id
    JOIN products p ON p.id = m.product_id
    WHERE m.created_at = (SELECT created_at FROM inventory_movements WHERE idempotency_key = ${businessKey})
      AND (m.idempotency_key = ${businessKey} OR starts_with(m.idempotency_key, ${movementKeyPrefix(businessKey)}))`;
  const [first] = rows;
  if (!first) return undefined;
  return {
    kind: first.kind,
    storeCode: first.storeCode,
    recordedAt: first.createdAt,
    lines: rows.map(({ sku, deltaOnHand, deltaReserved }) => ({ sku, deltaOnHand, deltaReserved })),
  };
}

/** Receiving into a store that never stocked the SKU starts from an empty level. */
export async function ensureLevelsExist(db: Db, storeId: string, productIds: readonly string[]): Promise<void> {
  await db.$executeRaw`
    INSERT INTO inventory_levels (id, store_id, product_id, updated_at)
    SELECT gen_random_uuid(), ${storeId}::uuid, product_id, now() FROM unnest(${productIds}::uuid[]) AS product_id
    ON CONFLICT (store_id, product_id) DO NOTHING`;
}

/**
 * Locks the levels in SKU order (the rows come out of the sort and are locked one by one), so every
 * stock transaction acquires overlapping locks in the same order and none can deadlock another.
 */
export async function lockLevelsInOrder(db: Db, storeId: string, productIds: readonly string[]): Promise<Map<string, StockLevel>> {
  const rows = await db.$queryRaw<{ sku: string; onHand: number; reserved: number }[]>`
    SELECT p.sku, l.on_hand AS "onHand", l.reserved
    FROM inventory_levels l JOIN products p ON p.id = l.product_id
    WHERE l.store_id = ${storeId}::uuid AND l.product_id = ANY(${productIds}::uuid[])
    ORDER BY p.sku
    FOR UPDATE OF l`;
  return new Map(rows.map(({ sku, onHand, reserved }) => [sku, { onHand, reserved }]));
}

/** Applies the deltas to rows locked by lockLevelsInOrder. The CHECK constraints stay the last line of defence. */
export async function applyLevelDeltas(db: Db, storeId: string, rows: readonly MovementRow[]): Promise<number> {
  return db.$executeRaw`
    UPDATE inventory_levels AS l
    SET on_hand = l.on_hand + c.delta_on_hand, reserved = l.reserved + c.delta_reserved, version = l.version + 1, updated_at = now()
    FROM unnest(${rows.map((row) => row.productId)}::uuid[], ${rows.map((row) => row.deltaOnHand)}::int[],
                ${rows.map((row) => row.deltaReserved)}::int[]) AS c(product_id, delta_on_hand, delta_reserved)
    WHERE l.store_id = ${storeId}::uuid AND l.product_id = c.product_id`;
}
