import { offlineSaleContentHash, offlineSaleTotalMinor, type OfflineSaleInput } from '../../domain/outages/offline-sale';
import { type PrismaClient } from '../../prisma/client';
import { applyStagedSales, CREATE_STAGING_TABLE } from './apply-staged-sales';
import { lockStoreJournal, type JournalQuery } from './journal-write-guard';
import { timeOrderedIds } from './time-ordered-id';

/** A batch's transaction may wait this long for another import of the same store (its journal lock). */
const RECORD_BATCH_TIMEOUT_MS = 60_000;

export type OfflineSaleRowOutcome = 'CREATED' | 'UNCHANGED' | 'CONFLICT' | 'ERROR';

export interface OfflineSaleRowResult {
  /** Position in the batch (or the CSV line of the receipt's first row). */
  row: number;
  receiptNumber: string | null;
  outcome: OfflineSaleRowOutcome;
  error?: string;
  /** A CONFLICT's row in offline_sale_conflicts (to compare and decide it). */
  conflictId?: string;
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

/**
 * Appends a batch of offline sales to one store's journal with the CSV import's set-based statements
 * (`applyStagedSales`): the batch is staged by one INSERT from unnest, then applied in the same
 * transaction under the store's journal lock. A new receipt is written with its lines; a receipt
 * already in the journal with the same content is left alone (UNCHANGED); one with other content
 * becomes an offline_sale_conflicts row (once per differing content), never an overwrite. Unknown SKUs
 * are errors of their row. The sales join the store's open outage, if any. Idempotent: the same batch
 * again answers UNCHANGED for every row. Every row of the batch is answered.
 */
export async function recordOfflineSales(
  prisma: PrismaClient,
  target: OfflineJournalTarget,
  sales: readonly NumberedSale[],
): Promise<OfflineSaleRowResult[]> {
  if (sales.length === 0) return [];
  const nextId = timeOrderedIds();
  const staged = sales.flatMap(({ row, sale }) => {
    const id = nextId();
    const total = String(offlineSaleTotalMinor(sale));
    const hash = offlineSaleContentHash(sale);
    return sale.lines.map((line, position) => ({ row, id, sale, total, hash, position, line, lineId: nextId() }));
  });
  const summary = await prisma.$transaction(
    async (tx) => {
      const query: JournalQuery = async <T>(text: string, params: unknown[] = []) => tx.$queryRawUnsafe<T[]>(text, ...params);
      await lockStoreJournal(query, target.storeId);
      await query(CREATE_STAGING_TABLE);
      await query(
        `INSERT INTO import_lines
         SELECT * FROM unnest($1::int[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::text[], $8::int[], $9::text[],
                              $10::int[], $11::bigint[], $12::uuid[])`,
        [
          staged.map((s) => s.row),
          staged.map((s) => s.id),
          staged.map((s) => s.sale.receiptNumber),
          staged.map((s) => s.sale.soldAt),
          staged.map((s) => s.sale.currency),
          staged.map((s) => s.total),
          staged.map((s) => s.hash),
          staged.map((s) => s.position),
          staged.map((s) => s.line.sku),
          staged.map((s) => s.line.quantity),
          staged.map((s) => String(s.line.unitPriceMinor)),
          staged.map((s) => s.lineId),
        ],
      );
      return applyStagedSales(query, target, { everyRow: true });
    },
    { timeout: RECORD_BATCH_TIMEOUT_MS },
  );
  return summary.rows;
}
