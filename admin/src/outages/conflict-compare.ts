/** One version of a receipt as GET /api/offline-sale-conflicts/:id answers it. */
export interface SaleVersion {
  soldAt: string;
  currency: string;
  totalMinor: number;
  lines: { sku: string; productName: string | null; quantity: number; unitPriceMinor: number }[];
}

export interface OfflineSaleConflictRecord {
  id: string;
  storeId: string;
  storeCode: string;
  outageId: string | null;
  receiptNumber: string;
  source: string;
  status: 'OPEN' | 'DECIDED';
  decision: 'KEEP_JOURNAL' | 'TAKE_INCOMING' | null;
  decisionReason: string | null;
  decidedBy: { id: string; email: string } | null;
  decidedAt: string | null;
  appliedToStockAt: string | null;
  createdAt: string;
  journal: SaleVersion;
  incoming: SaleVersion;
}

export type ConflictDecision = 'KEEP_JOURNAL' | 'TAKE_INCOMING';

/** What differs between the two versions, per field and per SKU (a line only on one side differs entirely). */
export interface VersionDifferences {
  soldAt: boolean;
  currency: boolean;
  total: boolean;
  /** SKU -> which of its fields differ; SKUs absent here are the same on both sides. */
  lines: Map<string, { quantity: boolean; price: boolean; missingOn: 'journal' | 'incoming' | null }>;
  count: number;
}

export function differencesOf(journal: SaleVersion, incoming: SaleVersion): VersionDifferences {
  const lines: VersionDifferences['lines'] = new Map();
  const bySku = (version: SaleVersion) => new Map(version.lines.map((line) => [line.sku, line]));
  const mine = bySku(journal);
  const theirs = bySku(incoming);
  for (const sku of new Set([...mine.keys(), ...theirs.keys()])) {
    const a = mine.get(sku);
    const b = theirs.get(sku);
    if (a === undefined || b === undefined) {
      lines.set(sku, { quantity: true, price: true, missingOn: a === undefined ? 'journal' : 'incoming' });
    } else if (a.quantity !== b.quantity || a.unitPriceMinor !== b.unitPriceMinor) {
      lines.set(sku, { quantity: a.quantity !== b.quantity, price: a.unitPriceMinor !== b.unitPriceMinor, missingOn: null });
    }
  }
  const soldAt = new Date(journal.soldAt).getTime() !== new Date(incoming.soldAt).getTime();
  const currency = journal.currency !== incoming.currency;
  const total = journal.totalMinor !== incoming.totalMinor;
  return { soldAt, currency, total, lines, count: lines.size + Number(soldAt) + Number(currency) };
}

export const unitsOf = (version: SaleVersion): number => version.lines.reduce((sum, line) => sum + line.quantity, 0);

/** The screens are routes of the outages resource (index.tsx), like the offline-sales import. */
export const conflictListRoute = 'offline-sale-conflicts';
export const conflictListPath = (filter: { outageId?: string; storeId?: string } = {}): string =>
  `/outages/${conflictListRoute}${Object.keys(filter).length === 0 ? '' : `?filter=${encodeURIComponent(JSON.stringify(filter))}`}`;
export const conflictPath = (id: string): string => `/outages/${conflictListRoute}/${encodeURIComponent(id)}`;
