/** What POST /api/stores/:id/offline-sales/import answers (api/routes/offline-sales/offline-sales.validators.ts). */
export interface OfflineSaleRowResult {
  /** The file line the receipt starts on; -1 for a problem of the whole file (it could not be read on). */
  row: number;
  receiptNumber: string | null;
  outcome: 'CREATED' | 'UNCHANGED' | 'CONFLICT' | 'ERROR';
  error?: string;
  /** A CONFLICT's conflict, to compare and decide (OfflineSaleConflictCompare). */
  conflictId?: string;
}

export interface OfflineSalesResult {
  created: number;
  unchanged: number;
  conflicts: number;
  errors: number;
  /** Every conflict and error; every row too when the file had at most 100 receipts. */
  rows: OfflineSaleRowResult[];
}

/**
 * What an import amounted to, in the words the screen leads with: the same file again is "nothing changed"
 * (every receipt already in the journal, none differing), which is the answer a person re-importing after a
 * dropped connection needs to see before anything else.
 */
export type ImportVerdict = 'NOTHING_CHANGED' | 'IMPORTED' | 'IMPORTED_WITH_PROBLEMS' | 'NOTHING_IMPORTED';

export function importVerdict(result: OfflineSalesResult): ImportVerdict {
  if (result.created > 0) return result.conflicts + result.errors === 0 ? 'IMPORTED' : 'IMPORTED_WITH_PROBLEMS';
  // Rows that were wrong before are wrong again (and reported again), but the journal did not change.
  if (result.conflicts === 0 && result.unchanged > 0) return 'NOTHING_CHANGED';
  return 'NOTHING_IMPORTED';
}

export const errorRowsOf = (result: OfflineSalesResult): OfflineSaleRowResult[] => result.rows.filter((row) => row.outcome === 'ERROR');
export const conflictRowsOf = (result: OfflineSalesResult): OfflineSaleRowResult[] =>
  result.rows.filter((row) => row.outcome === 'CONFLICT');

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
export function csvField(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  // A leading =, +, - or @ would be run as a formula by a spreadsheet opening the download.
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The problem rows as a CSV a person can open next to their file and fix line by line: the file line, the
 * receipt, what happened and why. Conflicts say the receipt was already imported with other content.
 */
export function problemRowsCsv(result: OfflineSalesResult, conflictText: string): string {
  const header = ['line', 'receipt_number', 'outcome', 'problem'];
  const rows = result.rows
    .filter((row) => row.outcome === 'ERROR' || row.outcome === 'CONFLICT')
    .map((row) => [
      row.row < 0 ? '' : row.row,
      row.receiptNumber,
      row.outcome,
      row.outcome === 'CONFLICT' ? conflictText : (row.error ?? ''),
    ]);
  return [header, ...rows].map((fields) => fields.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** `sales-amsterdam.csv` -> `sales-amsterdam-problems.csv`. */
export function problemsFileName(uploaded: string): string {
  const base = uploaded.replace(/\.csv$/i, '');
  return `${base === '' ? 'offline-sales' : base}-problems.csv`;
}

/** Share of the file sent, 0..100, for the progress bar. */
export function uploadPercent(sentBytes: number, totalBytes: number): number {
  if (totalBytes <= 0) return 0;
  return Math.min(100, Math.round((sentBytes / totalBytes) * 100));
}
