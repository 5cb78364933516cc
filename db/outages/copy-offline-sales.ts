import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { offlineSaleContentHash, offlineSaleTotalMinor } from '../../domain/outages/offline-sale';
import {
  type NumberedSale,
  type OfflineJournalTarget,
  type OfflineSaleRowOutcome,
  type OfflineSaleRowResult,
} from './record-offline-sales';

/** What an import did: counts per outcome, and the rows a person must look at (every row of a small import). */
export interface OfflineSalesImportSummary {
  created: number;
  unchanged: number;
  conflicts: number;
  errors: number;
  rows: OfflineSaleRowResult[];
}

/** Every row is listed up to this many; above it only conflicts and errors. */
export const ROWS_SHOWN_IN_FULL = 100;

/** PostgreSQL COPY text format: backslash, tab and line breaks escaped; null as \N. */
function copyField(value: string | number | null): string {
  if (value === null) return '\\N';
  return String(value).replace(/[\\\t\n\r]/g, (character) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[character] ?? '');
}

/** One staged line per sale line; the sale's own fields repeat on each of its lines. */
async function* stagedLines(sales: AsyncIterable<NumberedSale> | Iterable<NumberedSale>): AsyncGenerator<string> {
  for await (const { row, sale } of sales) {
    const id = randomUUID();
    const fields = [row, id, sale.receiptNumber, sale.soldAt, sale.currency, offlineSaleTotalMinor(sale), offlineSaleContentHash(sale)];
    yield sale.lines
      .map((line, position) => [...fields, position, line.sku, line.quantity, line.unitPriceMinor].map(copyField).join('\t') + '\n')
      .join('');
  }
}

/**
 * Appends a whole journal file to one store's offline sales through PostgreSQL's COPY into a staging
 * table and set-based statements, in one transaction: the same outcomes as `recordOfflineSales` (a new
 * receipt CREATED with its lines, the same content again UNCHANGED, other content a CONFLICT kept once
 * in offline_sale_conflicts, an unknown SKU an ERROR of its row), at a cost that does not grow with
 * round trips: one COPY stream, then a handful of statements, whatever the file's size. The sales are
 * streamed in (memory stays at one receipt); only the counts and the problem rows come back.
 * Receipts repeated within the input: the first is the one written, later ones are compared with it.
 */
export async function importOfflineSalesByCopy(
  databaseUrl: string,
  target: OfflineJournalTarget,
  sales: AsyncIterable<NumberedSale> | Iterable<NumberedSale>,
): Promise<OfflineSalesImportSummary> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`
      CREATE TEMP TABLE import_lines (
        row int NOT NULL, id uuid NOT NULL, receipt text NOT NULL, sold_at_text text NOT NULL, currency text NOT NULL,
        total bigint NOT NULL, hash text NOT NULL, position int NOT NULL, sku text NOT NULL, quantity int NOT NULL, unit_price bigint NOT NULL
      ) ON COMMIT DROP`);
    await pipeline(Readable.from(stagedLines(sales)), client.query(copyFrom('COPY import_lines FROM STDIN')));
    const summary = await applyStagedSales(client, target);
    await client.query('COMMIT');
    return summary;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

async function applyStagedSales(client: Client, target: OfflineJournalTarget): Promise<OfflineSalesImportSummary> {
  const { storeId, recordedByUserId, source } = target;
  await client.query(`
    CREATE TEMP TABLE import_sales ON COMMIT DROP AS
    SELECT DISTINCT ON (l.row) l.row, l.id, l.receipt, l.sold_at_text, l.sold_at_text::timestamptz AS sold_at, l.currency, l.total, l.hash,
           bool_or(p.id IS NULL) OVER (PARTITION BY l.row) AS has_unknown_sku,
           NULL::text AS outcome
    FROM import_lines l LEFT JOIN products p ON p.sku = l.sku
    ORDER BY l.row`);
  await client.query('CREATE INDEX ON import_sales (receipt)');
  await client.query('ANALYZE import_sales');
  await client.query(`
    UPDATE import_sales s SET outcome = 'ERROR'
    WHERE s.has_unknown_sku`);
  // The first valid row of each receipt is offered for insertion; a receipt the journal has is left alone.
  await client.query(
    `WITH firsts AS (
       SELECT DISTINCT ON (receipt) * FROM import_sales WHERE outcome IS NULL ORDER BY receipt, row
     ), inserted AS (
       INSERT INTO offline_sales (id, store_id, receipt_number, outage_id, sold_at, recorded_by_user_id, currency, total_minor, content_hash, updated_at)
       SELECT f.id, $1::uuid, f.receipt, (SELECT o.id FROM outages o WHERE o.open_scope = 'store:' || $1), f.sold_at, $2::uuid, f.currency, f.total, f.hash, now()
       FROM firsts f
       ON CONFLICT (store_id, receipt_number) DO NOTHING
       RETURNING id
     )
     UPDATE import_sales s SET outcome = 'CREATED' FROM inserted i WHERE s.id = i.id`,
    [storeId, recordedByUserId],
  );
  await client.query(`
    INSERT INTO offline_sale_lines (id, offline_sale_id, product_id, quantity, unit_price_minor)
    SELECT gen_random_uuid(), l.id, p.id, l.quantity, l.unit_price
    FROM import_lines l JOIN import_sales s ON s.id = l.id AND s.outcome = 'CREATED' JOIN products p ON p.sku = l.sku`);
  // What is left was already in the journal (or earlier in this input): the same content, or a conflict.
  await client.query(
    `UPDATE import_sales s SET outcome = CASE WHEN j.content_hash = s.hash THEN 'UNCHANGED' ELSE 'CONFLICT' END
     FROM offline_sales j WHERE s.outcome IS NULL AND j.store_id = $1::uuid AND j.receipt_number = s.receipt`,
    [storeId],
  );
  await client.query(
    `INSERT INTO offline_sale_conflicts (id, offline_sale_id, incoming_hash, incoming, source)
     SELECT DISTINCT ON (j.id, s.hash) gen_random_uuid(), j.id, s.hash,
            jsonb_build_object('receiptNumber', s.receipt, 'soldAt', s.sold_at_text, 'currency', s.currency,
              'lines', (SELECT jsonb_agg(jsonb_build_object('sku', l.sku, 'quantity', l.quantity, 'unitPriceMinor', l.unit_price) ORDER BY l.position)
                        FROM import_lines l WHERE l.row = s.row)),
            $2
     FROM import_sales s JOIN offline_sales j ON j.store_id = $1::uuid AND j.receipt_number = s.receipt
     WHERE s.outcome = 'CONFLICT'
     ORDER BY j.id, s.hash, s.row
     ON CONFLICT (offline_sale_id, incoming_hash) DO NOTHING`,
    [storeId, source],
  );
  return summaryOf(client);
}

async function summaryOf(client: Client): Promise<OfflineSalesImportSummary> {
  const counts = await client.query<{ outcome: OfflineSaleRowOutcome; count: string }>(
    'SELECT outcome, count(*) AS count FROM import_sales GROUP BY outcome',
  );
  const count = (outcome: OfflineSaleRowOutcome) => Number(counts.rows.find((row) => row.outcome === outcome)?.count ?? 0);
  const total = counts.rows.reduce((sum, row) => sum + Number(row.count), 0);
  const listed = await client.query<{ row: number; receipt: string; outcome: OfflineSaleRowOutcome; unknown_skus: string | null }>(
    `SELECT s.row, s.receipt, s.outcome,
            CASE WHEN s.outcome = 'ERROR' THEN (SELECT string_agg(DISTINCT l.sku, ', ') FROM import_lines l LEFT JOIN products p ON p.sku = l.sku
                                                 WHERE l.row = s.row AND p.id IS NULL) END AS unknown_skus
     FROM import_sales s WHERE $1 OR s.outcome IN ('ERROR', 'CONFLICT') ORDER BY s.row`,
    [total <= ROWS_SHOWN_IN_FULL],
  );
  return {
    created: count('CREATED'),
    unchanged: count('UNCHANGED'),
    conflicts: count('CONFLICT'),
    errors: count('ERROR'),
    rows: listed.rows.map((row) => ({
      row: row.row,
      receiptNumber: row.receipt,
      outcome: row.outcome,
      ...(row.outcome === 'ERROR' && { error: `unknown SKU ${row.unknown_skus ?? ''}` }),
      ...(row.outcome === 'CONFLICT' && { error: 'differs from the receipt already imported' }),
    })),
  };
}
