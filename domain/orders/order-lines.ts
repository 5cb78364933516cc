import { InvalidDataError, type FieldErrors } from '../errors';
import { exactLinesTotal, MAX_TOTAL_MINOR } from '../validation/integers';

/** What intake needs to know about a catalogue product to put it on an order. */
export interface CatalogueProduct {
  id: string;
  sku: string;
  name: string;
  basePriceMinor: number;
  currency: string;
  active: boolean;
}

export interface RequestedLine {
  sku: string;
  quantity: number;
  /** The price the customer agreed to; absent means the catalogue's base price. */
  unitPriceMinor?: number | undefined;
}

export interface OrderLineDraft {
  productId: string;
  sku: string;
  productName: string;
  quantity: number;
  unitPriceMinor: number;
}

export interface PricedLines {
  lines: OrderLineDraft[];
  currency: string;
  totalMinor: number;
}

export interface PricingRules {
  /** Field path the errors are reported under, e.g. `lines` or `order.lines`. */
  fieldPath: string;
  /**
   * A channel has already sold (and charged for) what it sends us, so a product we have since retired
   * is still accepted from a channel; an order we take ourselves may only contain active products.
   */
  acceptInactiveProducts: boolean;
  /** The currency the order must be in (the pickup store's); absent: whatever the products are priced in. */
  currency?: string | undefined;
}

/**
 * Turns requested lines into order lines priced from the catalogue unless a price is given, all in one
 * currency. Every unusable line is reported at once as a field error (`lines.2.sku`), so a form can
 * show them all.
 */
export function priceOrderLines(
  requested: readonly RequestedLine[],
  productsBySku: ReadonlyMap<string, CatalogueProduct>,
  rules: PricingRules,
): PricedLines {
  const errors: FieldErrors = {};
  const lines: OrderLineDraft[] = [];
  let currency = rules.currency;

  requested.forEach((line, index) => {
    const field = `${rules.fieldPath}.${index}.sku`;
    const product = productsBySku.get(line.sku);
    if (product === undefined) {
      errors[field] = `unknown SKU ${line.sku}`;
      return;
    }
    if (!product.active && !rules.acceptInactiveProducts) {
      errors[field] = `${line.sku} is no longer sold`;
      return;
    }
    currency ??= product.currency;
    if (product.currency !== currency) {
      errors[field] = `${line.sku} is priced in ${product.currency}, the order is in ${currency}`;
      return;
    }
    lines.push({
      productId: product.id,
      sku: product.sku,
      productName: product.name,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor ?? product.basePriceMinor,
    });
  });

  if (Object.keys(errors).length > 0 || currency === undefined) throw new InvalidDataError('Some order lines cannot be sold', errors);
  const totalMinor = exactLinesTotal(lines);
  if (totalMinor === null)
    throw new InvalidDataError('The order total is too large', {
      [rules.fieldPath]: `the lines add up to more than ${MAX_TOTAL_MINOR} minor units`,
    });
  return { lines, currency, totalMinor };
}
