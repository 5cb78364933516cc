import { parse } from 'csv-parse';
import { type Readable } from 'node:stream';
import { skuSchema } from '../../../domain/inventory/stock-requests';

export interface SkuCsv {
  skus: string[];
  /** `rows.<line>`: what is wrong with that line (1-based, the header is line 1). */
  errors: Record<string, string>;
}

/**
 * Reads a CSV of SKUs as it streams in (csv-parse, RFC 4180: quotes, embedded commas, CRLF): a header
 * with a `sku` column, then one SKU a row. Each bad row is an error of its own line; past `maxRows` rows
 * the upload is refused as a whole. Duplicates are dropped. Never holds more than the SKU strings.
 */
export async function readSkuCsv(stream: Readable, { maxRows, maxErrors }: { maxRows: number; maxErrors: number }): Promise<SkuCsv> {
  const parser = stream.pipe(
    parse({
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }),
  );
  const skus = new Set<string>();
  const errors: Record<string, string> = {};
  let errorCount = 0;
  let rows = 0;
  const fail = (line: number, message: string) => {
    errorCount += 1;
    if (errorCount <= maxErrors) errors[`rows.${line}`] = message;
  };
  try {
    for await (const record of parser as AsyncIterable<Record<string, string | undefined>>) {
      rows += 1;
      const line = rows + 1;
      if (rows > maxRows) {
        errors.file = `more than ${maxRows} rows`;
        stream.unpipe(parser);
        stream.resume();
        break;
      }
      if (!('sku' in record)) {
        errors.file = 'the header must have a "sku" column';
        break;
      }
      const parsed = skuSchema.safeParse(record.sku ?? '');
      if (!parsed.success) fail(line, 'the SKU is empty or longer than 64 characters');
      else skus.add(parsed.data);
    }
  } catch (error) {
    errors.file = `not a readable CSV: ${(error as Error).message}`;
  }
  if (rows === 0 && errors.file === undefined) errors.file = 'no rows';
  return { skus: [...skus], errors };
}
