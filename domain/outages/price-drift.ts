import { classifyPriceLine, routeOf, type DiscrepancyRoute, type StockDiscrepancy } from './reconciliation-rules';

/**
 * Price drift on a channel after its outage (docs/outages.md, "Price drift"): per channel x SKU the price we
 * expect it to show now (the price consistency view's: an active promotion's price there, else what we
 * published, else the base price) against what read-back shows. Pure; the activities read and push.
 */
export interface PriceDriftLine {
  expectedPriceMinor: number;
  /** Null: the channel lists the SKU without a price of its own, or does not list it (stock sync's concern). */
  shownPriceMinor: number | null;
}

/** A PRICE_DRIFT moves no units (delta 0); its value is the price difference of one unit. */
export function priceDriftOf(line: PriceDriftLine): StockDiscrepancy | null {
  return classifyPriceLine({ publishedPriceMinor: line.expectedPriceMinor, channelPriceMinor: line.shownPriceMinor });
}

/** Within OUTAGE_PRICE_TOLERANCE_MINOR per unit the price is re-pushed at once; beyond it a person decides. */
export function routePriceDrift(drift: StockDiscrepancy, toleranceMinor: number, fourEyesAboveMinor: number): DiscrepancyRoute {
  return routeOf(drift, { units: 0, valueMinor: toleranceMinor }, fourEyesAboveMinor);
}

/** The adapter's idempotency key of one pushed page: the diff's re-push, or the approved corrections'. */
export function outagePriceKey(outageId: string, channelCode: string, page: number | string): string {
  return `price:outage:${outageId}:${channelCode}:${page}`;
}
