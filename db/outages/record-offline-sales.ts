import { randomUUID } from 'node:crypto';
import { offlineSaleContentHash, offlineSaleTotalMinor, type OfflineSaleInput } from '../../domain/outages/offline-sale';
import { type PrismaClient } from '../../prisma/client';

export type OfflineSaleRowOutcome = 'CREATED' | 'UNCHANGED' | 'CONFLICT' | 'ERROR';

export interface OfflineSaleRowResult {
  /** Position in the batch (or the CSV line of the receipt's first row). */
  row: number;
  receiptNumber: string | null;
  outcome: OfflineSaleRowOutcome;
  error?: string;
}

export interface OfflineJournalTarget {
  storeId: string;
  recordedByUserId: string;
  /** Where the batch came from, kept on conflicts: `api` or `csv:<file name>`. */
  source: string;
}

export interface NumberedSale {
  row: number;
  sale: OfflineSaleInput;
}

interface PreparedSale extends NumberedSale {
  id: string;
  hash: string;
  productIds: string[];
}

/**
 * Appends a batch of offline sales to one store's journal with set-based SQL (a few statements per batch,
 * whatever its size): a new receipt is written with its lines; a receipt already in the journal with the
 * same content is left alone (UNCHANGED); one with other content becomes an offline_sale_conflicts row
 * (once per differing content), never an overwrite. Unknown SKUs are errors of their row. The sales join
 * the store's open outage, if any. Idempotent: the same batch again answers UNCHANGED for every row.
 */
export async function recordOfflineSales(
  prisma: PrismaClient,
  target: OfflineJournalTarget,
  sales: readonly NumberedSale[],
): Promise<OfflineSaleRowResult[]> {
  const results: OfflineSaleRowResult[] = [];
  const skus = [...new Set(sales.flatMap(({ sale }) => sale.lines.map((line) => line.sku)))];
  const products = await prisma.$queryRaw<{ id: string; sku: string }[]>`
    SELECT id, sku FROM products WHERE sku = ANY(${skus}::text[])`;
  const productIdBySku = new Map(products.map((product) => [product.sku, product.id]));

  const firstByReceipt = new Map<string, PreparedSale>();
  const repeats: PreparedSale[] = [];
  for (const numbered of sales) {
    const unknown = numbered.sale.lines.map((line) => line.sku).filter((sku) => !productIdBySku.has(sku));
    if (unknown.length > 0) {
      results.push({
        row: numbered.row,
        receiptNumber: numbered.sale.receiptNumber,
        outcome: 'ERROR',
        error: `unknown SKU ${unknown.join(', ')}`,
      });
      continue;
    }
    const prepared: PreparedSale = {
      ...numbered,
      id: randomUUID(),
      hash: offlineSaleContentHash(numbered.sale),
      productIds: numbered.sale.lines.map((line) => productIdBySku.get(line.sku) as string),
    };
    if (firstByReceipt.has(numbered.sale.receiptNumber)) repeats.push(prepared);
    else firstByReceipt.set(numbered.sale.receiptNumber, prepared);
  }
  const fresh = [...firstByReceipt.values()];
  if (fresh.length === 0) return results.sort((a, b) => a.row - b.row);

  await prisma.$transaction(async (tx) => {
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO offline_sales (id, store_id, receipt_number, outage_id, sold_at, recorded_by_user_id, currency, total_minor, content_hash, updated_at)
      SELECT v.id, ${target.storeId}::uuid, v.receipt, (SELECT o.id FROM outages o WHERE o.open_scope = ${`store:${target.storeId}`}),
             v.sold_at, ${target.recordedByUserId}::uuid, v.currency, v.total, v.hash, now()
      FROM unnest(${fresh.map((s) => s.id)}::uuid[], ${fresh.map((s) => s.sale.receiptNumber)}::text[],
                  ${fresh.map((s) => new Date(s.sale.soldAt).toISOString())}::timestamptz[], ${fresh.map((s) => s.sale.currency)}::text[],
                  ${fresh.map((s) => String(offlineSaleTotalMinor(s.sale)))}::bigint[], ${fresh.map((s) => s.hash)}::text[])
           AS v(id, receipt, sold_at, currency, total, hash)
      ON CONFLICT (store_id, receipt_number) DO NOTHING
      RETURNING id`;
    const insertedIds = new Set(inserted.map((row) => row.id));
    const created = fresh.filter((s) => insertedIds.has(s.id));
    const lines = created.flatMap((s) => s.sale.lines.map((line, i) => ({ saleId: s.id, productId: s.productIds[i], line })));
    if (lines.length > 0) {
      await tx.$executeRaw`
        INSERT INTO offline_sale_lines (id, offline_sale_id, product_id, quantity, unit_price_minor)
        SELECT gen_random_uuid(), v.sale_id, v.product_id, v.quantity, v.unit_price
        FROM unnest(${lines.map((l) => l.saleId)}::uuid[], ${lines.map((l) => l.productId)}::uuid[],
                    ${lines.map((l) => l.line.quantity)}::int[], ${lines.map((l) => l.line.unitPriceMinor)}::int[])
             AS v(sale_id, product_id, quantity, unit_price)`;
    }
    for (const s of created) results.push({ row: s.row, receiptNumber: s.sale.receiptNumber, outcome: 'CREATED' });

    const known = [...fresh.filter((s) => !insertedIds.has(s.id)), ...repeats];
    if (known.length === 0) return;
    const existing = await tx.$queryRaw<{ id: string; receipt_number: string; content_hash: string }[]>`
      SELECT id, receipt_number, content_hash FROM offline_sales
      WHERE store_id = ${target.storeId}::uuid AND receipt_number = ANY(${known.map((s) => s.sale.receiptNumber)}::text[])`;
    const byReceipt = new Map(existing.map((row) => [row.receipt_number, row]));
    const conflicts = known.filter((s) => byReceipt.get(s.sale.receiptNumber)?.content_hash !== s.hash);
    if (conflicts.length > 0) {
      await tx.$executeRaw`
        INSERT INTO offline_sale_conflicts (id, offline_sale_id, incoming_hash, incoming, source)
        SELECT gen_random_uuid(), v.sale_id, v.hash, v.incoming, ${target.source}
        FROM unnest(${conflicts.map((s) => byReceipt.get(s.sale.receiptNumber)?.id)}::uuid[], ${conflicts.map((s) => s.hash)}::text[],
                    ${conflicts.map((s) => JSON.stringify(s.sale))}::jsonb[]) AS v(sale_id, hash, incoming)
        ON CONFLICT (offline_sale_id, incoming_hash) DO NOTHING`;
    }
    for (const s of known) {
      const outcome = conflicts.includes(s) ? 'CONFLICT' : 'UNCHANGED';
      results.push({
        row: s.row,
        receiptNumber: s.sale.receiptNumber,
        outcome,
        ...(outcome === 'CONFLICT' && { error: 'differs from the receipt already imported' }),
      });
    }
  });
  return results.sort((a, b) => a.row - b.row);
}
