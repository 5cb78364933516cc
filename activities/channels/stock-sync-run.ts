/**
 * A stock-sync run is recorded as a Reconciliation row (outageId null) whose summary carries this kind,
 * so the reconciliation screens list sync runs and their discrepancies next to outage reconciliations.
 */
export const STOCK_SYNC_RECONCILIATION_KIND = 'STOCK_SYNC';

/** How discrepancy notes name who raised them. */
export const STOCK_SYNC_ACTOR = 'system:stock-sync';
