import { z } from 'zod';
import { ChannelKind, ChannelStatus, TaskQueue } from '../../../prisma/client';
import { idSchema } from '../../openapi/common-schemas';

/** Longest period one dashboard call may cover: a year and a day, so "this year vs last" fits and a typo does not scan decades. */
export const MAX_PERIOD_DAYS = 366;
/** Most stores one call may name. */
export const MAX_STORES_PER_QUERY = 50;

const dayMs = 24 * 60 * 60 * 1000;

const instant = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time with a time zone, e.g. 2026-11-01T00:00:00+07:00' })
  .transform((text) => new Date(text));

const storeIdsSchema = z
  .union([idSchema, z.array(idSchema).min(1).max(MAX_STORES_PER_QUERY)])
  .transform((ids) => (Array.isArray(ids) ? ids : [ids]));

/**
 * `?from=...&to=...&storeId=...&storeId=...`: the period (half-open, from before to) and optionally the
 * stores. Unknown parameters are a 400, so a misspelt store filter never shows every store's figures.
 */
export const metricsQuerySchema = z
  .strictObject({
    from: instant.meta({ description: 'Start of the period (inclusive)', example: '2026-11-01T00:00:00+07:00' }),
    to: instant.meta({ description: 'End of the period (exclusive)', example: '2026-12-01T00:00:00+07:00' }),
    storeId: storeIdsSchema.optional().meta({ description: 'Only these stores (repeat the parameter); store staff: their own store only' }),
  })
  // zod still runs object refinements when a field failed (its value is then the raw string): compare dates only.
  .refine((query) => !bothDates(query) || query.from < query.to, { path: ['to'], message: 'must be after from' })
  .refine((query) => !bothDates(query) || query.to.getTime() - query.from.getTime() <= MAX_PERIOD_DAYS * dayMs, {
    path: ['to'],
    message: `the period may span at most ${MAX_PERIOD_DAYS} days`,
  });

function bothDates(query: { from: unknown; to: unknown }): query is { from: Date; to: Date } {
  return query.from instanceof Date && query.to instanceof Date;
}

export type MetricsQuery = z.output<typeof metricsQuerySchema>;

const periodSchema = z.object({ from: z.date(), to: z.date() });
const rate = z.number().min(0).max(1).nullable().meta({ description: 'Share between 0 and 1; null when there is nothing to divide by' });

function withPrevious<T extends z.ZodType>(schema: T) {
  return z.object({ current: schema, previous: schema });
}

const channelRef = {
  channelId: idSchema,
  channelCode: z.string(),
  channelName: z.string(),
  channelKind: z.enum(ChannelKind),
};
const storeRef = { storeId: idSchema, storeCode: z.string(), storeName: z.string() };

export const orderFiguresSchema = z.object({
  orders: z.number().int(),
  cancelled: z.number().int(),
  cancellationRate: rate,
  returned: z.number().int(),
  returnRate: rate,
});
export type OrderFigures = z.infer<typeof orderFiguresSchema>;

export const orderMetricsSchema = z
  .object({
    period: periodSchema,
    previousPeriod: periodSchema,
    total: withPrevious(orderFiguresSchema),
    byChannel: z.array(z.object({ ...channelRef, figures: withPrevious(orderFiguresSchema) })),
  })
  .meta({ id: 'OrderMetrics' });

export const pickupFiguresSchema = z.object({
  pickTasks: z.number().int().meta({ description: 'PICK tasks created in the period that are done or past their SLA' }),
  pickedWithinSla: z.number().int(),
  withinSlaRate: rate,
  readyOrders: z.number().int().meta({ description: 'Pickup orders placed in the period that became ready' }),
  orderToReadySecondsP50: z.number().nullable(),
  orderToReadySecondsP90: z.number().nullable(),
  expiredUncollected: z.number().int(),
});
export type PickupFigures = z.infer<typeof pickupFiguresSchema>;

export const pickupMetricsSchema = z
  .object({
    period: periodSchema,
    previousPeriod: periodSchema,
    total: withPrevious(pickupFiguresSchema),
    byStore: z.array(z.object({ ...storeRef, figures: withPrevious(pickupFiguresSchema) })),
  })
  .meta({ id: 'PickupSlaMetrics' });

const moneySchema = z.object({ currency: z.string(), minor: z.number().int() });

export const driftFiguresSchema = z.object({
  discrepancies: z.number().int(),
  units: z.number().int(),
  value: z.array(moneySchema).meta({ description: 'Units times the base price, one entry per currency' }),
});
export type DriftFigures = z.infer<typeof driftFiguresSchema>;

export const stockDriftMetricsSchema = z
  .object({
    period: periodSchema,
    previousPeriod: periodSchema,
    listingsDriftingNow: z
      .array(z.object({ ...channelRef, listings: z.number().int(), units: z.number().int(), value: z.array(moneySchema) }))
      .meta({ description: 'Channel listings whose last read-back differs from what we published (one stock for every store)' }),
    raised: z.object({
      total: withPrevious(driftFiguresSchema),
      byChannel: z.array(z.object({ ...channelRef, figures: withPrevious(driftFiguresSchema) })),
      byStore: z.array(z.object({ ...storeRef, figures: withPrevious(driftFiguresSchema) })),
      daily: z.array(z.object({ day: z.string(), discrepancies: z.number().int(), units: z.number().int() })).meta({
        description: 'Discrepancies raised per UTC day of the period',
      }),
    }),
  })
  .meta({ id: 'StockDriftMetrics' });

export const channelHealthSchema = z
  .object({
    period: periodSchema,
    previousPeriod: periodSchema,
    channels: z.array(
      z.object({
        ...channelRef,
        status: z.enum(ChannelStatus),
        lastHealthyAt: z.date().nullable().meta({ description: 'Last health probe that found the channel up' }),
        openOutages: z.number().int(),
        outagesDetected: withPrevious(z.number().int()),
      }),
    ),
  })
  .meta({ id: 'ChannelHealthMetrics' });

export const attentionMetricsSchema = z
  .object({
    period: periodSchema,
    previousPeriod: periodSchema,
    openTasksByQueue: z.array(
      z.object({
        queue: z.enum(TaskQueue),
        open: z.number().int(),
        pastSla: z.number().int(),
        locked: z.number().int(),
      }),
    ),
    tasksCreated: withPrevious(z.number().int()),
    tasksPastSlaCreated: withPrevious(z.number().int()).meta({
      description: 'Tasks created in the period that are (or were finished) past their due time',
    }),
    workflowStarts: z.object({
      failed: z.number().int().meta({ description: 'Starts Temporal refused for good: a person must act' }),
      retrying: z.number().int().meta({ description: 'Starts still pending after at least one failed attempt' }),
      failedCreated: withPrevious(z.number().int()),
    }),
  })
  .meta({ id: 'AttentionMetrics' });
