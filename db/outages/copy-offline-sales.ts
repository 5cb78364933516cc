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
  // Sales with a SKU we do not sell are their row's error (an anti-join: usually empty).
  await client.query(`
    CREATE TEMP TABLE import_unknown ON COMMIT DROP AS
    SELECT l.row, string_agg(DISTINCT l.sku, ', ') AS skus
    FROM import_lines l WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.sku = l.sku) GROUP BY l.row`);
  // One row per sale (its first line carries the sale's fields), without the erroneous ones.
  await client.query(`
    CREATE TEMP TABLE import_sales ON COMMIT DROP AS
    SELECT l.row, l.id, l.receipt, l.sold_at_text, l.sold_at_text::timestamptz AS sold_at, l.currency, l.total, l.hash
    FROM import_lines l WHERE l.position = 0 AND NOT EXISTS (SELECT 1 FROM import_unknown u WHERE u.row = l.row)`);
  await client.query('CREATE TEMP TABLE import_created (id uuid PRIMARY KEY) ON COMMIT DROP');
  // The first row of each receipt the journal does not have yet is written (the anti-join spares a
  // re-import a million failed speculative inserts; ON CONFLICT still covers a concurrent import).
  await client.query(
    `WITH firsts AS (
       SELECT DISTINCT ON (receipt) * FROM import_sales ORDER BY receipt, row
     ), inserted AS (
       INSERT INTO offline_sales (id, store_id, receipt_number, outage_id, sold_at, recorded_by_user_id, currency, total_minor, content_hash, updated_at)
       SELECT f.id, $1::uuid, f.receipt, (SELECT o.id FROM outages o WHERE o.open_scope = 'store:' || $1), f.sold_at, $2::uuid, f.currency, f.total, f.hash, now()
       FROM firsts f
       WHERE NOT EXISTS (SELECT 1 FROM offline_sales j WHERE j.store_id = $1::uuid AND j.receipt_number = f.receipt)
       ON CONFLICT (store_id, receipt_number) DO NOTHING
       RETURNING id
     )
     INSERT INTO import_created SELECT id FROM inserted`,
    [storeId, recordedByUserId],
  );
  await client.query(`
    INSERT INTO offline_sale_lines (id, offline_sale_id, product_id, quantity, unit_price_minor)
    SELECT gen_random_uuid(), l.id, p.id, l.quantity, l.unit_price
    FROM import_lines l JOIN import_created c ON c.id = l.id JOIN products p ON p.sku = l.sku`);
  // The rest was in the journal already (or earlier in this input): the same content, or a conflict kept once.
  await client.query(
    'CREATE TEMP TABLE import_known (row int, receipt text, sold_at_text text, currency text, hash text, journal_id uuid, same boolean) ON COMMIT DROP',
  );
  await client.query(
    `INSERT INTO import_known
     SELECT s.row, s.receipt, s.sold_at_text, s.currency, s.hash, j.id, j.content_hash = s.hash
     FROM import_sales s JOIN offline_sales j ON j.store_id = $1::uuid AND j.receipt_number = s.receipt
     WHERE NOT EXISTS (SELECT 1 FROM import_created c WHERE c.id = s.id)`,
    [storeId],
  );
  await client.query(
    `INSERT INTO offline_sale_conflicts (id, offline_sale_id, incoming_hash, incoming, source)
     SELECT DISTINCT ON (k.journal_id, k.hash) gen_random_uuid(), k.journal_id, k.hash,
            jsonb_build_object('receiptNumber', k.receipt, 'soldAt', k.sold_at_text, 'currency', k.currency,
              'lines', (SELECT jsonb_agg(jsonb_build_object('sku', l.sku, 'quantity', l.quantity, 'unitPriceMinor', l.unit_price) ORDER BY l.position)
                        FROM import_lines l WHERE l.row = k.row)),
            $1
     FROM import_known k WHERE NOT k.same
     ORDER BY k.journal_id, k.hash, k.row
     ON CONFLICT (offline_sale_id, incoming_hash) DO NOTHING`,
    [source],
  );
  return summaryOf(client);
}

async function summaryOf(client: Client): Promise<OfflineSalesImportSummary> {
  const [counts] = (
    await client.query<{ created: string; unchanged: string; conflicts: string; errors: string }>(`
      SELECT (SELECT count(*) FROM import_created) AS created,
             (SELECT count(*) FROM import_known WHERE same) AS unchanged,
             (SELECT count(*) FROM import_known WHERE NOT same) AS conflicts,
             (SELECT count(*) FROM import_unknown) AS errors`)
  ).rows;
  const summary = {
    created: Number(counts?.created ?? 0),
    unchanged: Number(counts?.unchanged ?? 0),
    conflicts: Number(counts?.conflicts ?? 0),
    errors: Number(counts?.errors ?? 0),
  };
  const everyRow = summary.created + summary.unchanged + summary.conflicts + summary.errors <= ROWS_SHOWN_IN_FULL;
  const listed = await client.query<{ row: number; receipt: string; outcome: OfflineSaleRowOutcome; error: string | null }>(
    `SELECT s.row, s.receipt, 'CREATED' AS outcome, NULL AS error FROM import_sales s JOIN import_created c ON c.id = s.id WHERE $1
     UNION ALL
     SELECT k.row, k.receipt, CASE WHEN k.same THEN 'UNCHANGED' ELSE 'CONFLICT' END, CASE WHEN k.same THEN NULL ELSE 'differs from the receipt already imported' END
     FROM import_known k WHERE $1 OR NOT k.same
     UNION ALL
     SELECT u.row, l.receipt, 'ERROR', 'unknown SKU ' || u.skus FROM import_unknown u JOIN import_lines l ON l.row = u.row AND l.position = 0
     ORDER BY 1`,
    [everyRow],
  );
  return {
    ...summary,
    rows: listed.rows.map((row) => ({
      row: row.row,
      receiptNumber: row.receipt,
      outcome: row.outcome,
      ...(row.error !== null && { error: row.error }),
    })),
  };
}
