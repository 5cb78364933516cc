import { type FieldErrors } from '../../domain/errors';
import { type PromotionScope } from './resolve-promotion-scope';

/** Field errors of a scope nobody may save, capped so a 100k CSV's answer stays readable. */
export const MAX_LISTED_ERRORS = 200;

/**
 * Per-field errors, one entry per offending SKU (and channel): `skus.<sku>`, `brands.<brand>`, `channelCodes.<code>`,
 * `floor.<sku>.<channel>` (the form lists them), `conflicts.<sku>.<channel>` naming the other promotion.
 */
export function scopeErrors(scope: PromotionScope): FieldErrors {
  const entries: [string, string][] = [
    ...scope.unknownSkus.map((sku): [string, string] => [`skus.${sku}`, 'no active product with this SKU']),
    ...scope.wrongCurrencySkus.map((sku): [string, string] => [`skus.${sku}`, 'priced in another currency than the promotion']),
    ...scope.unknownBrands.map((brand): [string, string] => [`brands.${brand}`, 'no active product of this brand']),
    ...scope.unknownChannels.map((code): [string, string] => [`channelCodes.${code}`, 'no channel with this code']),
    ...scope.breaches.map((breach): [string, string] => [
      `floor.${breach.sku}.${breach.channelCode}`,
      breach.reason === 'BELOW_FLOOR'
        ? `promo price ${breach.promoPriceMinor} is below the floor ${breach.floorPriceMinor}`
        : `promo price ${breach.promoPriceMinor} is not below the base price ${breach.basePriceMinor}`,
    ]),
    ...scope.conflicts.map((conflict): [string, string] => [
      `conflicts.${conflict.sku}.${conflict.channelCode}`,
      `already in promotion "${conflict.otherPromotionName}" (${conflict.otherPromotionId}) in an overlapping window`,
    ]),
  ];
  if (scope.productIds.length === 0 && scope.unknownSkus.length === 0 && scope.unknownBrands.length === 0)
    entries.push(['skus', 'the promotion covers no product']);
  return Object.fromEntries(entries.slice(0, MAX_LISTED_ERRORS));
}
