import { type OfflineSalesImportSummary, ROWS_SHOWN_IN_FULL } from '../../../db/outages/copy-offline-sales';
import { type OfflineSaleRowResult } from '../../../db/outages/record-offline-sales';

/** Counts per outcome; problem rows always listed, every row for small batches. */
export function summarizeOfflineSales(results: readonly OfflineSaleRowResult[]) {
  const count = (outcome: OfflineSaleRowResult['outcome']) => results.filter((r) => r.outcome === outcome).length;
  return {
    created: count('CREATED'),
    unchanged: count('UNCHANGED'),
    conflicts: count('CONFLICT'),
    errors: count('ERROR'),
    rows: results.length <= ROWS_SHOWN_IN_FULL ? [...results] : results.filter((r) => r.outcome === 'CONFLICT' || r.outcome === 'ERROR'),
  };
}

/** An import's summary with the rows the CSV reader refused before anything was staged, in file order. */
export function withUnreadableRows(
  summary: OfflineSalesImportSummary,
  unreadable: readonly OfflineSaleRowResult[],
): OfflineSalesImportSummary {
  const total = summary.created + summary.unchanged + summary.conflicts + summary.errors + unreadable.length;
  const rows = [...summary.rows, ...unreadable]
    .filter((row) => total <= ROWS_SHOWN_IN_FULL || row.outcome === 'CONFLICT' || row.outcome === 'ERROR')
    .sort((a, b) => a.row - b.row);
  return { ...summary, errors: summary.errors + unreadable.length, rows };
}
