import { type Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { type NumberedSale, type OfflineSaleRowResult } from '../../../db/outages/record-offline-sales';
import { offlineSaleSchema } from '../../../domain/outages/offline-sale';

/** The columns of an offline-sales CSV: one row per sale line, a receipt's rows one after another. */
export const OFFLINE_SALES_CSV_COLUMNS = ['receipt_number', 'sold_at', 'currency', 'sku', 'quantity', 'unit_price_minor'] as const;

type CsvRecord = Partial<Record<(typeof OFFLINE_SALES_CSV_COLUMNS)[number], string>>;

export type CsvSaleItem = { kind: 'sale'; sale: NumberedSale } | { kind: 'error'; error: OfflineSaleRowResult };

interface OpenReceipt {
  row: number;
  receiptNumber: string;
  soldAt: string;
  currency: string;
  lines: unknown[];
  errors: string[];
}

function integerOrNaN(text: string | undefined): number {
  return text !== undefined && /^-?\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
}

function closeReceipt(open: OpenReceipt): CsvSaleItem {
  if (open.errors.length > 0) {
    return { kind: 'error', error: { row: open.row, receiptNumber: open.receiptNumber, outcome: 'ERROR', error: open.errors.join('; ') } };
  }
  const parsed = offlineSaleSchema.safeParse({
    receiptNumber: open.receiptNumber,
    soldAt: open.soldAt,
    currency: open.currency,
    lines: open.lines,
  });
  if (!parsed.success) {
    const error = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    return { kind: 'error', error: { row: open.row, receiptNumber: open.receiptNumber, outcome: 'ERROR', error } };
  }
  return { kind: 'sale', sale: { row: open.row, sale: parsed.data } };
}

/**
 * Streams an offline-sales CSV through csv-parse and yields one sale per receipt (its consecutive rows)
 * or that receipt's error, with the file line it starts on. Memory stays at one receipt, whatever the
 * file's size. A receipt seen again after other receipts is an error (its rows must be consecutive).
 */
export async function* readOfflineSalesCsv(input: Readable): AsyncGenerator<CsvSaleItem> {
  const parser = input.pipe(parse({ columns: true, info: true, trim: true, skip_empty_lines: true, relax_column_count: true, bom: true }));
  const seen = new Set<string>();
  let open: OpenReceipt | null = null;
  for await (const { record, info } of parser as AsyncIterable<{ record: CsvRecord; info: { lines: number } }>) {
    const line = info.lines;
    const receiptNumber = record.receipt_number ?? '';
    if (receiptNumber === '') {
      yield { kind: 'error', error: { row: line, receiptNumber: null, outcome: 'ERROR', error: 'receipt_number is empty' } };
      continue;
    }
    if (open === null || open.receiptNumber !== receiptNumber) {
      if (open !== null) yield closeReceipt(open);
      if (seen.has(receiptNumber)) {
        open = null;
        yield { kind: 'error', error: { row: line, receiptNumber, outcome: 'ERROR', error: 'rows of a receipt must be consecutive' } };
        continue;
      }
      seen.add(receiptNumber);
      open = { row: line, receiptNumber, soldAt: record.sold_at ?? '', currency: record.currency ?? '', lines: [], errors: [] };
    }
    const missing = OFFLINE_SALES_CSV_COLUMNS.filter((column) => record[column] === undefined || record[column] === '');
    if (missing.length > 0) open.errors.push(`line ${line}: missing ${missing.join(', ')}`);
    else if (record.sold_at !== open.soldAt || record.currency !== open.currency)
      open.errors.push(`line ${line}: sold_at and currency differ from the receipt's first row`);
    else
      open.lines.push({ sku: record.sku, quantity: integerOrNaN(record.quantity), unitPriceMinor: integerOrNaN(record.unit_price_minor) });
  }
  if (open !== null) yield closeReceipt(open);
}
