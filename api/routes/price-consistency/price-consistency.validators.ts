import { z } from 'zod';
import { ChannelKind, ChannelStatus } from '../../../prisma/client';
import { idFilterSchema, listQuerySchema } from '../../lists/list-query';
import { idSchema } from '../../openapi/common-schemas';

export const checkSourceSchema = z
  .enum(['STOCK_SYNC', 'PROMOTION_PUSH', 'CHECK_NOW'])
  .nullable()
  .meta({ description: 'Which read-back the shown price comes from: the stock sync, a promotion push, or a "check now"' });

export const channelPriceSchema = z.object({
  channelId: idSchema,
  channelCode: z.string(),
  channelName: z.string(),
  channelKind: z.enum(ChannelKind),
  channelStatus: z.enum(ChannelStatus),
  expectedPriceMinor: z.number().int(),
  expectedSource: z.enum(['PROMOTION', 'PUBLISHED', 'BASE']),
  promotionId: idSchema.nullable(),
  promotionName: z.string().nullable(),
  shownPriceMinor: z
    .number()
    .int()
    .nullable()
    .meta({ description: 'Null: not listed, never read back, or a failed push (the price shown was not kept)' }),
  listed: z.boolean().nullable(),
  checkedAt: z.date().nullable(),
  checkSource: checkSourceSchema,
  consistent: z.boolean().nullable().meta({ description: 'Null: never read back' }),
});

export const productPricesSchema = z
  .object({
    id: idSchema,
    sku: z.string(),
    name: z.string(),
    currency: z.string(),
    basePriceMinor: z.number().int(),
    channels: z.array(channelPriceSchema),
    unavailableChannels: z
      .array(z.object({ channelCode: z.string(), reason: z.string() }))
      .meta({ description: 'Only in the answer of a check: channels that could not be read now (their last read-back stays)' })
      .optional(),
  })
  .meta({ id: 'ProductPrices' });

export const productPriceSummarySchema = z
  .object({
    id: idSchema,
    sku: z.string(),
    name: z.string(),
    currency: z.string(),
    basePriceMinor: z.number().int(),
    // Not `channels`: one product's page has the channels themselves under that name, and react-admin shows
    // a list row as the show page's record until getOne answers (a count there crashed the page).
    channelCount: z.number().int(),
    checked: z.number().int(),
    consistent: z.number().int(),
    differing: z.number().int(),
    lastCheckedAt: z.date().nullable(),
  })
  .meta({ id: 'ProductPriceSummary' });

export const priceConsistencyListQuerySchema = listQuerySchema({
  sortable: ['sku', 'name'],
  defaultSort: { field: 'sku', order: 'ASC' },
  filter: z.strictObject({
    id: idFilterSchema.optional(),
    q: z.string().max(200).optional(),
  }),
});
