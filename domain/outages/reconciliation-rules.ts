/**
 * The three-way diff of one outage's reconciliation, per store x SKU (stock) and channel x SKU (price):
 * the offline journal, our system and the channel. Pure: the set-based SQL in activities/outages/ computes
 * the same numbers for many rows at once; these rules name and route each difference (docs/outages.md).
 */
export type DiscrepancyClass = 'OFFLINE_SALE' | 'STOCK_DRIFT' | 'PRICE_DRIFT' | 'ORDER_MISSING' | 'DOUBLE_SALE';

export const discrepancyClasses: readonly DiscrepancyClass[] = [
  'OFFLINE_SALE',
  'STOCK_DRIFT',
  'PRICE_DRIFT',
  'ORDER_MISSING',
  'DOUBLE_SALE',
];

export interface ReconciliationTolerance {
  /** Largest |delta| in units fixed without a person (RECONCILIATION_TOLERANCE_UNITS). */
  units: number;
  /** Largest |delta| x unit price fixed without a person (RECONCILIATION_TOLERANCE_VALUE_MINOR). */
  valueMinor: number;
}

export interface StockLine {
  /** On hand in our system now (offline sales not applied yet). */
  systemOnHand: number;
  /** Units of offline sales in the journal, not yet applied to stock. */
  unappliedOfflineQty: number;
  /** Units counted in the store (stock count task), or null when nobody counted. */
  countedQty: number | null;
  /** Units the system sold online of this store's stock while it was cut off (on the report beside a double sale). */
  soldOnlineDuringOutage: number;
  unitPriceMinor: number;
}

export interface StockDiscrepancy {
  class: DiscrepancyClass;
  /** Units the correction moves on hand by (negative: fewer). */
  delta: number;
  valueMinor: number;
}

/** Expected on hand after the journal: system on hand minus the offline sales not applied yet. */
export function expectedOnHand(line: Pick<StockLine, 'systemOnHand' | 'unappliedOfflineQty'>): number {
  return line.systemOnHand - line.unappliedOfflineQty;
}

export function valueOf(delta: number, unitPriceMinor: number): number {
  return Math.abs(delta) * unitPriceMinor;
}

/**
 * What one store x SKU line needs, in order: the journal's sales to apply; a double sale when the journal
 * and online together sold more than there was (the shortfall, never made up by a negative on hand); a
 * stock drift between a count and the expected on hand.
 */
export function classifyStockLine(line: StockLine): StockDiscrepancy[] {
  const found: StockDiscrepancy[] = [];
  const expected = expectedOnHand(line);
  const applicable = Math.min(line.unappliedOfflineQty, line.systemOnHand);
  if (applicable > 0) found.push({ class: 'OFFLINE_SALE', delta: -applicable, valueMinor: valueOf(applicable, line.unitPriceMinor) });
  if (expected < 0) {
    const oversold = -expected;
    found.push({ class: 'DOUBLE_SALE', delta: -oversold, valueMinor: valueOf(oversold, line.unitPriceMinor) });
  }
  if (line.countedQty !== null) {
    const drift = line.countedQty - Math.max(expected, 0);
    if (drift !== 0) found.push({ class: 'STOCK_DRIFT', delta: drift, valueMinor: valueOf(drift, line.unitPriceMinor) });
  }
  return found;
}

export interface PriceLine {
  publishedPriceMinor: number;
  channelPriceMinor: number | null;
}

/** A channel showing another price than we published (after read-back); a missing listing is stock sync's. */
export function classifyPriceLine(line: PriceLine): StockDiscrepancy | null {
  if (line.channelPriceMinor === null || line.channelPriceMinor === line.publishedPriceMinor) return null;
  return { class: 'PRICE_DRIFT', delta: 0, valueMinor: Math.abs(line.channelPriceMinor - line.publishedPriceMinor) };
}

export type DiscrepancyRoute = 'AUTO_FIX' | 'REVIEW' | 'FOUR_EYES' | 'ORDER_DECISION';

/**
 * Who decides: offline sales are the store's own record and are applied, a missing order is taken in; a double sale is an order
 * decision (another store, or cancel and refund); within tolerance fixed at once; beyond it a review task,
 * four-eyes above the approval value.
 */
export function routeOf(discrepancy: StockDiscrepancy, tolerance: ReconciliationTolerance, fourEyesAboveMinor: number): DiscrepancyRoute {
  // A missing order is taken in through intake (late orders): the order is then ours, nothing is left to decide.
  if (discrepancy.class === 'OFFLINE_SALE' || discrepancy.class === 'ORDER_MISSING') return 'AUTO_FIX';
  if (discrepancy.class === 'DOUBLE_SALE') return 'ORDER_DECISION';
  if (Math.abs(discrepancy.delta) <= tolerance.units && discrepancy.valueMinor <= tolerance.valueMinor) return 'AUTO_FIX';
  return discrepancy.valueMinor > fourEyesAboveMinor ? 'FOUR_EYES' : 'REVIEW';
}

export interface ReportRow {
  class: DiscrepancyClass;
  resolution: string;
  count: number;
  valueMinor: number;
}

/** Counts and value per class (the closing report); every class present, zero when none. */
export function reportByClass(rows: readonly ReportRow[]): Record<DiscrepancyClass, { count: number; valueMinor: number }> {
  const report = Object.fromEntries(discrepancyClasses.map((c) => [c, { count: 0, valueMinor: 0 }])) as Record<
    DiscrepancyClass,
    { count: number; valueMinor: number }
  >;
  for (const row of rows) {
    report[row.class].count += row.count;
    report[row.class].valueMinor += row.valueMinor;
  }
  return report;
}
