import { createHash } from 'node:crypto';
import { z } from 'zod';

/** One sale of the offline journal as a till or a CSV row group sends it (docs/outages.md). */
export const offlineSaleLineSchema = z.object({
  sku: z.string().trim().min(1).max(64),
  quantity: z.number().int().min(1).max(10_000),
  unitPriceMinor: z.number().int().min(0).max(1_000_000_000),
});

export const offlineSaleSchema = z.object({
  receiptNumber: z.string().trim().min(1).max(64),
  soldAt: z.iso.datetime({ offset: true }),
  currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code, e.g. IDR'),
  lines: z.array(offlineSaleLineSchema).min(1).max(200),
});

export type OfflineSaleInput = z.infer<typeof offlineSaleSchema>;

/**
 * The content hash a re-import is compared by: same receipt and same hash is the same sale (nothing
 * written), same receipt and another hash is a conflict. Lines are sorted so their order does not count.
 */
export function offlineSaleContentHash(sale: OfflineSaleInput): string {
  const lines = [...sale.lines]
    .map((line) => `${line.sku}|${line.quantity}|${line.unitPriceMinor}`)
    .sort()
    .join(';');
  return createHash('sha256')
    .update(`${new Date(sale.soldAt).toISOString()}|${sale.currency}|${lines}`)
    .digest('hex');
}

export function offlineSaleTotalMinor(sale: Pick<OfflineSaleInput, 'lines'>): number {
  return sale.lines.reduce((total, line) => total + line.quantity * line.unitPriceMinor, 0);
}
