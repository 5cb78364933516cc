import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { offlineSaleContentHash, offlineSaleTotalMinor } from '../../domain/outages/offline-sale';
import { applyStagedSales, CREATE_STAGING_TABLE, type OfflineSalesImportSummary } from './apply-staged-sales';
import { lockStoreJournal, type JournalQuery } from './journal-write-guard';
import { type NumberedSale, type OfflineJournalTarget } from './record-offline-sales';
import { timeOrderedIds } from './time-ordered-id';

export { ROWS_SHOWN_IN_FULL, type OfflineSalesImportSummary } from './apply-staged-sales';

const COPY_SPECIAL = /[\\\t\n\r]/;

/** PostgreSQL COPY text format: backslash, tab and line breaks escaped; null as \N. Most values need nothing. */
function copyField(value: string | number | null): string {
  if (value === null) return '\\N';
  const text = String(value);
  if (!COPY_SPECIAL.test(text)) return text;
  return text.replace(/[\\\t\n\r]/g, (character) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[character] ?? '');
}

/** COPY data is sent in chunks of about this many characters, not one message per sale. */
const COPY_CHUNK_CHARS = 256 * 1024;

/**
 * Memory of the import's own session: the staging tables stay in memory up to this (temp_buffers; a
 * million staged lines are about 200 MB) and the receipt sort and hash joins up to work_mem.
 */
const IMPORT_TEMP_BUFFERS = '256MB';
const IMPORT_WORK_MEM = '128MB';

/** One staged line per sale line; the sale's own fields repeat on each of its lines. Ids increase (time-ordered). */
async function* stagedLines(sales: AsyncIterable<NumberedSale> | Iterable<NumberedSale>): AsyncGenerator<string> {
  const nextId = timeOrderedIds();
  let chunk = '';
  for await (const { row, sale } of sales) {
    const head = [row, nextId(), sale.receiptNumber, sale.soldAt, sale.currency, offlineSaleTotalMinor(sale), offlineSaleContentHash(sale)]
      .map(copyField)
      .join('\t');
    for (const [position, line] of sale.lines.entries())
      chunk += `${head}\t${position}\t${copyField(line.sku)}\t${line.quantity}\t${line.unitPriceMinor}\t${nextId()}\n`;
    if (chunk.length >= COPY_CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

/**
 * Appends a whole journal file to one store's offline sales through PostgreSQL's COPY into the staging
 * table, then `applyStagedSales` (the same statements as a JSON batch, `recordOfflineSales`), in one
 * transaction holding the store's journal lock, at a cost that does not grow with round trips: one COPY
 * stream, then a handful of statements, whatever the file's size. The sales are streamed in (memory
 * stays at one receipt); only the counts and the problem rows come back.
 */
export async function importOfflineSalesByCopy(
  databaseUrl: string,
  target: OfflineJournalTarget,
  sales: AsyncIterable<NumberedSale> | Iterable<NumberedSale>,
): Promise<OfflineSalesImportSummary> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const query: JournalQuery = async <T>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[];
  try {
    // Before the session's first temporary table, or it does not take.
    await client.query(`SET temp_buffers = '${IMPORT_TEMP_BUFFERS}'`);
    await client.query('BEGIN');
    await client.query(`SET LOCAL work_mem = '${IMPORT_WORK_MEM}'`);
    await lockStoreJournal(query, target.storeId);
    await client.query(CREATE_STAGING_TABLE);
    await pipeline(Readable.from(stagedLines(sales)), client.query(copyFrom('COPY import_lines FROM STDIN')));
    const summary = await applyStagedSales(query, target);
    await client.query('COMMIT');
    return summary;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
