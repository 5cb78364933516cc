import { z } from 'zod';
import { skuSchema } from '../inventory/stock-requests';
import { int4, unitPriceMinor } from '../validation/integers';
import { boundedText } from '../validation/text';
import { isTimeZone, LOCAL_DATE_TIME, zonedLocalToUtc } from './zoned-time';

/** SKUs one JSON body may list; bigger sets come as a CSV upload (PROMOTION_CSV_MAX_ROWS). */
export const MAX_JSON_SKUS = 10_000;

export const discountSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('PERCENT'), value: int4({ min: 1, max: 99 }) }),
  z.strictObject({ type: z.literal('FIXED'), value: unitPriceMinor().min(1) }),
  z.strictObject({ type: z.literal('FIXED_PRICE'), value: unitPriceMinor().min(1) }),
]);

const localDateTime = z.string().regex(LOCAL_DATE_TIME, 'must be a local date and time like 2026-12-12T00:00');
const timeZone = boundedText({ max: 64 }).refine(isTimeZone, 'must be an IANA time zone like Asia/Jakarta');
const channelCode = z.string().regex(/^[a-z0-9-]{1,64}$/, 'must be a channel code');

/**
 * A promotion as the form sends it: its window in wall-clock time of a named zone (the instants are
 * computed here, once), its SKUs (listed, and/or a category and brand rule), its channels (absent: every channel
 * that takes prices, the stores' POS included).
 */
export const promotionInputSchema = z
  .strictObject({
    name: boundedText({ max: 200 }),
    discount: discountSchema,
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code'),
    timeZone,
    startsLocal: localDateTime,
    endsLocal: localDateTime,
    skus: z.array(skuSchema).max(MAX_JSON_SKUS).default([]),
    categories: z
      .array(boundedText({ max: 100 }))
      .max(100)
      .default([]),
    brands: z
      .array(boundedText({ max: 100 }))
      .max(100)
      .default([])
      .meta({ description: 'Brand rule: every active product of these brands (of the categories too, when both are set)' }),
    channelCodes: z.array(channelCode).min(1).max(100).optional(),
  })
  .transform((input, context) => {
    const startsAt = zonedLocalToUtc(input.startsLocal, input.timeZone);
    const endsAt = zonedLocalToUtc(input.endsLocal, input.timeZone);
    if (startsAt === null) context.addIssue({ code: 'custom', path: ['startsLocal'], message: 'is not a date in that time zone' });
    if (endsAt === null) context.addIssue({ code: 'custom', path: ['endsLocal'], message: 'is not a date in that time zone' });
    if (startsAt !== null && endsAt !== null && endsAt.getTime() <= startsAt.getTime())
      context.addIssue({ code: 'custom', path: ['endsLocal'], message: 'must be after the start' });
    if (input.skus.length === 0 && input.categories.length === 0 && input.brands.length === 0)
      context.addIssue({ code: 'custom', path: ['skus'], message: 'list SKUs or choose a category or a brand' });
    if (startsAt === null || endsAt === null) return z.NEVER;
    return { ...input, skus: [...new Set(input.skus)], brands: [...new Set(input.brands)], startsAt, endsAt };
  });

export type PromotionInput = z.output<typeof promotionInputSchema>;
