import { lockJournalParents, mayWriteJournalWithoutRowTriggers, type JournalQuery } from './journal-write-guard';
import { type OfflineJournalTarget, type OfflineSaleRowOutcome, type OfflineSaleRowResult } from './record-offline-sales';

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

/**
 * The staging table both journal paths fill (the CSV import by COPY, a JSON batch by one INSERT from
 * unnest): one row per sale line, the sale's own fields repeated on each of its lines, ids made by the
 * writer in increasing order (time-ordered). Dropped at commit.
 */
export const CREATE_STAGING_TABLE = `
  CREATE TEMP TABLE import_lines (
    row int NOT NULL, id uuid NOT NULL, receipt text NOT NULL, sold_at_text text NOT NULL, currency text NOT NULL,
    total bigint NOT NULL, hash text NOT NULL, position int NOT NULL, sku text NOT NULL, quantity int NOT NULL, unit_price bigint NOT NULL,
    line_id uuid NOT NULL
  ) ON COMMIT DROP`;

/**
 * Applies the staged lines to the store's journal in a few set-based statements, inside the caller's
 * transaction, which holds the store's journal lock (`lockStoreJournal`): a new receipt CREATED with its
 * lines, the same content again UNCHANGED, other content a CONFLICT kept once in offline_sale_conflicts,
 * an unknown SKU an ERROR of its row. Receipts repeated within the input: the first is the one written,
 * later ones are compared with it. Where it may (`mayWriteJournalWithoutRowTriggers`), the journal rows
 * are written without the per-row foreign key triggers, which were most of a million-line import's cost
 * (bench/README.md, reconciliation): what they check is checked once, under the same locks.
 * `everyRow`: list every row whatever the count (a JSON batch answers per row).
 */
export async function applyStagedSales(
  query: JournalQuery,
  target: OfflineJournalTarget,
  { everyRow = false }: { everyRow?: boolean } = {},
): Promise<OfflineSalesImportSummary> {
  const { storeId, recordedByUserId, source } = target;
  // Plain statements over many rows: compiling them (JIT, on by cost estimate) took longer than running them.
  await query('SET LOCAL jit = off');
  const withoutRowTriggers = await mayWriteJournalWithoutRowTriggers(query);
  const { outageId } = await lockJournalParents(query, { storeId, recordedByUserId });
  // The products the file names, locked as their foreign key would lock them, before anything reads them.
  await query(
    'SELECT count(*) FROM (SELECT 1 FROM products p WHERE p.sku IN (SELECT DISTINCT sku FROM import_lines) FOR KEY SHARE) locked',
  );
  // Sales with a SKU we do not sell are their row's error (an anti-join: usually empty).
  await query(`
    CREATE TEMP TABLE import_unknown ON COMMIT DROP AS
    SELECT l.row, string_agg(DISTINCT l.sku, ', ') AS skus
    FROM import_lines l WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.sku = l.sku) GROUP BY l.row`);
  // One row per sale (its first line carries the sale's fields), without the erroneous ones.
  await query(`
    CREATE TEMP TABLE import_sales ON COMMIT DROP AS
    SELECT l.row, l.id, l.receipt, l.sold_at_text, l.sold_at_text::timestamptz AS sold_at, l.currency, l.total, l.hash
    FROM import_lines l WHERE l.position = 0 AND NOT EXISTS (SELECT 1 FROM import_unknown u WHERE u.row = l.row)`);
  await query('CREATE TEMP TABLE import_created (id uuid NOT NULL) ON COMMIT DROP');
  if (withoutRowTriggers) await query('SET LOCAL session_replication_role = replica');
  // The first row of each receipt the journal does not have yet is written. The store's journal lock
  // makes the anti-join exact: a plain INSERT, no speculative insertion per row.
  await query(
    `WITH firsts AS (
       -- Byte order (COLLATE "C") for the sort: the same groups, without a locale comparison per step.
       SELECT DISTINCT ON (receipt COLLATE "C") * FROM import_sales ORDER BY receipt COLLATE "C", row
     ), inserted AS (
       INSERT INTO offline_sales (id, store_id, receipt_number, outage_id, sold_at, recorded_by_user_id, currency, total_minor, content_hash, updated_at)
       SELECT f.id, $1::uuid, f.receipt, $3::uuid, f.sold_at, $2::uuid, f.currency, f.total, f.hash, now()
       FROM firsts f
       WHERE NOT EXISTS (SELECT 1 FROM offline_sales j WHERE j.store_id = $1::uuid AND j.receipt_number = f.receipt)
       RETURNING id
     )
     INSERT INTO import_created SELECT id FROM inserted`,
    [storeId, recordedByUserId, outageId],
  );
  // Lines reference the sales just written and, through the join, only the products locked above.
  const [lines] = await query<{ written: number; staged: number }>(`
    WITH written AS (
      INSERT INTO offline_sale_lines (id, offline_sale_id, product_id, quantity, unit_price_minor)
      SELECT l.line_id, l.id, p.id, l.quantity, l.unit_price
      FROM import_lines l JOIN import_created c ON c.id = l.id JOIN products p ON p.sku = l.sku
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM written)::int AS written,
           (SELECT count(*) FROM import_lines l WHERE EXISTS (SELECT 1 FROM import_created c WHERE c.id = l.id))::int AS staged`);
  if (withoutRowTriggers) await query('SET LOCAL session_replication_role = origin');
  if (lines === undefined || lines.written !== lines.staged)
    throw new Error(`offline journal: ${lines?.written} lines written for ${lines?.staged} staged (nothing kept)`);
  // The rest was in the journal already (or earlier in this input): the same content, or a conflict kept once.
  await query(
    'CREATE TEMP TABLE import_known (row int, receipt text, sold_at_text text, currency text, hash text, journal_id uuid, same boolean) ON COMMIT DROP',
  );
  await query(
    `INSERT INTO import_known
     SELECT s.row, s.receipt, s.sold_at_text, s.currency, s.hash, j.id, j.content_hash = s.hash
     FROM import_sales s JOIN offline_sales j ON j.store_id = $1::uuid AND j.receipt_number = s.receipt
     WHERE NOT EXISTS (SELECT 1 FROM import_created c WHERE c.id = s.id)`,
    [storeId],
  );
  // One conflict row per (journal sale, differing content), its lines gathered by one join (not a subquery per row).
  await query(
    `WITH differing AS (
       SELECT DISTINCT ON (k.journal_id, k.hash) k.* FROM import_known k WHERE NOT k.same ORDER BY k.journal_id, k.hash, k.row
     ), incoming_lines AS (
       SELECT l.row, jsonb_agg(jsonb_build_object('sku', l.sku, 'quantity', l.quantity, 'unitPriceMinor', l.unit_price) ORDER BY l.position) AS lines
       FROM import_lines l JOIN differing d ON d.row = l.row GROUP BY l.row
     )
     INSERT INTO offline_sale_conflicts (id, offline_sale_id, incoming_hash, incoming, source)
     SELECT gen_random_uuid(), d.journal_id, d.hash,
            jsonb_build_object('receiptNumber', d.receipt, 'soldAt', d.sold_at_text, 'currency', d.currency, 'lines', il.lines), $1
     FROM differing d JOIN incoming_lines il ON il.row = d.row
     ON CONFLICT (offline_sale_id, incoming_hash) DO NOTHING`,
    [source],
  );
  return summaryOf(query, everyRow);
}

async function summaryOf(query: JournalQuery, everyRow: boolean): Promise<OfflineSalesImportSummary> {
  const [counts] = await query<{ created: string; unchanged: string; conflicts: string; errors: string }>(`
      SELECT (SELECT count(*) FROM import_created) AS created,
             (SELECT count(*) FROM import_known WHERE same) AS unchanged,
             (SELECT count(*) FROM import_known WHERE NOT same) AS conflicts,
             (SELECT count(*) FROM import_unknown) AS errors`);
  const summary = {
    created: Number(counts?.created ?? 0),
    unchanged: Number(counts?.unchanged ?? 0),
    conflicts: Number(counts?.conflicts ?? 0),
    errors: Number(counts?.errors ?? 0),
  };
  const listEvery = everyRow || summary.created + summary.unchanged + summary.conflicts + summary.errors <= ROWS_SHOWN_IN_FULL;
  const listed = await query<{
    row: number;
    receipt: string;
    outcome: OfflineSaleRowOutcome;
    error: string | null;
    conflict_id: string | null;
  }>(
    `SELECT s.row, s.receipt, 'CREATED' AS outcome, NULL AS error, NULL::uuid AS conflict_id FROM import_sales s JOIN import_created c ON c.id = s.id WHERE $1
     UNION ALL
     SELECT k.row, k.receipt, CASE WHEN k.same THEN 'UNCHANGED' ELSE 'CONFLICT' END, CASE WHEN k.same THEN NULL ELSE 'differs from the receipt already imported' END,
            oc.id
     FROM import_known k LEFT JOIN offline_sale_conflicts oc ON NOT k.same AND oc.offline_sale_id = k.journal_id AND oc.incoming_hash = k.hash
     WHERE $1 OR NOT k.same
     UNION ALL
     SELECT u.row, l.receipt, 'ERROR', 'unknown SKU ' || u.skus, NULL FROM import_unknown u JOIN import_lines l ON l.row = u.row AND l.position = 0
     ORDER BY 1`,
    [listEvery],
  );
  return {
    ...summary,
    rows: listed.map((row) => ({
      row: row.row,
      receiptNumber: row.receipt,
      outcome: row.outcome,
      ...(row.error !== null && { error: row.error }),
      ...(row.conflict_id !== null && { conflictId: row.conflict_id }),
    })),
  };
}
