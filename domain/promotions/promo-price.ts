/** How a promotion takes money off: percent of the base price, an amount off it, or a price outright. */
export type PromoDiscount = { type: 'PERCENT'; value: number } | { type: 'FIXED'; value: number } | { type: 'FIXED_PRICE'; value: number };

/**
 * A channel's price endings: the promo price is the highest price at or below the discounted one whose
 * remainder modulo `stepMinor` is `endingMinor`. IDR to the hundred is `{ stepMinor: 100, endingMinor: 0 }`,
 * EUR .99 endings `{ stepMinor: 100, endingMinor: 99 }`, no rounding `{ stepMinor: 1, endingMinor: 0 }`.
 * Rounding goes down so the shelf never shows more than the promotion promised.
 */
export interface PriceRounding {
  stepMinor: number;
  endingMinor: number;
}

export const NO_ROUNDING: PriceRounding = { stepMinor: 1, endingMinor: 0 };

export function discountedPriceMinor(basePriceMinor: number, discount: PromoDiscount): number {
  switch (discount.type) {
    case 'PERCENT':
      // Integer arithmetic: base * (100 - p) / 100, rounded down, never through a float percentage.
      return Math.floor((basePriceMinor * (100 - discount.value)) / 100);
    case 'FIXED':
      return basePriceMinor - discount.value;
    case 'FIXED_PRICE':
      return discount.value;
  }
}

export function roundDown(priceMinor: number, { stepMinor, endingMinor }: PriceRounding): number {
  const base = Math.floor((priceMinor - endingMinor) / stepMinor) * stepMinor;
  return base + endingMinor;
}

/** The price one channel shows for a SKU during the promotion (may be <= 0 or over base: see the floor rules). */
export function promoPriceMinor(basePriceMinor: number, discount: PromoDiscount, rounding: PriceRounding): number {
  return roundDown(discountedPriceMinor(basePriceMinor, discount), rounding);
}
