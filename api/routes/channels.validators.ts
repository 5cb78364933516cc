import { z } from 'zod';
import { boundedText } from '../../domain/validation/text';
import { ChannelKind, ChannelStatus } from '../../prisma/client';
import { booleanFilterSchema, idFilterSchema, listQuerySchema } from '../lists/list-query';
import { idSchema } from '../openapi/common-schemas';

/** A channel as the API shows it: never with its webhook secret. */
export const channelSchema = z
  .object({
    id: idSchema,
    code: z.string(),
    name: z.string(),
    kind: z.enum(ChannelKind),
    status: z.enum(ChannelStatus),
    baseUrl: z.string(),
    requestsPerSecond: z.number().int(),
    burst: z.number().int(),
    perItemCost: z.boolean(),
    maxBatchSize: z.number().int(),
    asyncJobs: z.boolean(),
    safetyBuffer: z.number().int(),
    closeListingAtOrBelow: z.number().int(),
    lastHealthyAt: z.date().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Channel' });

export const channelListQuerySchema = listQuerySchema({
  sortable: ['code', 'name', 'kind', 'status', 'createdAt'],
  defaultSort: { field: 'code', order: 'ASC' },
  filter: z.strictObject({
    id: idFilterSchema.optional(),
    q: boundedText({ max: 100 }).optional().meta({ description: 'Matches code or name' }),
    kind: z.enum(ChannelKind).optional(),
    status: z.enum(ChannelStatus).optional(),
    perItemCost: booleanFilterSchema.optional(),
  }),
});

/**
 * What an admin tunes on a channel. Limits are generous ceilings against typos (a burst of 10^9 would
 * disable client-side rate limiting), not business rules. Omitted fields keep their values.
 */
export const updateChannelBodySchema = z
  .object({
    status: z.enum(ChannelStatus).optional(),
    safetyBuffer: z.number().int().min(0).max(100_000).optional(),
    closeListingAtOrBelow: z.number().int().min(0).max(100_000).optional(),
    requestsPerSecond: z.number().int().min(1).max(100_000).optional(),
    burst: z.number().int().min(1).max(100_000).optional(),
    perItemCost: z.boolean().optional(),
    maxBatchSize: z.number().int().min(1).max(100_000).optional(),
  })
  .meta({ id: 'UpdateChannel' });
