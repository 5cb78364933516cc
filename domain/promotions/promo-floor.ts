import { type PriceRounding, type PromoDiscount, promoPriceMinor } from './promo-price';

export interface FloorCheckedSku {
  sku: string;
  basePriceMinor: number;
  /** The lowest price any promotion may push: cost plus the minimum margin (products.floor_price_minor). */
  floorPriceMinor: number;
}

export type FloorBreachReason = 'BELOW_FLOOR' | 'NOT_A_DISCOUNT';

export interface FloorBreach {
  sku: string;
  channelCode: string;
  promoPriceMinor: number;
  floorPriceMinor: number;
  basePriceMinor: number;
  reason: FloorBreachReason;
}

export interface ChannelRounding {
  channelCode: string;
  rounding: PriceRounding;
}

/**
 * Every SKU x channel whose promo price breaks the rules: below the floor (after the channel's rounding,
 * which only goes down) or not below the base price at all. The form lists them; the API refuses a
 * promotion while any is left.
 */
export function floorBreaches(
  skus: readonly FloorCheckedSku[],
  discount: PromoDiscount,
  channels: readonly ChannelRounding[],
): FloorBreach[] {
  const breaches: FloorBreach[] = [];
  for (const sku of skus) {
    for (const { channelCode, rounding } of channels) {
      const price = promoPriceMinor(sku.basePriceMinor, discount, rounding);
      const reason: FloorBreachReason | null =
        price < sku.floorPriceMinor || price <= 0 ? 'BELOW_FLOOR' : price >= sku.basePriceMinor ? 'NOT_A_DISCOUNT' : null;
      if (reason !== null)
        breaches.push({
          sku: sku.sku,
          channelCode,
          promoPriceMinor: price,
          floorPriceMinor: sku.floorPriceMinor,
          basePriceMinor: sku.basePriceMinor,
          reason,
        });
    }
  }
  return breaches;
}
