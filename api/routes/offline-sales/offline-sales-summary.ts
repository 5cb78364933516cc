import { type OfflineSaleRowResult } from '../../../db/outages/record-offline-sales';

const ROWS_SHOWN_IN_FULL = 100;

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
