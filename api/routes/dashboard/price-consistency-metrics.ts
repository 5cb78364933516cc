import { z } from 'zod';
import { ChannelKind, type PrismaClient } from '../../../prisma/client';
import { type ApiRouter } from '../../http/api-router';
import { idSchema } from '../../openapi/common-schemas';
import { type PricePairRow, pricePairsSql } from '../../../db/promotions/price-pairs-sql';
import { checkSourceSchema } from '../price-consistency/price-consistency.validators';
import { storeFilterFor } from '../../../domain/auth/store-access';
import { MAX_PERIOD_DAYS, MAX_STORES_PER_QUERY } from './dashboard.validators';
import { previousPeriodOf } from './reporting-period';
import { countOf, rateOf } from './sql-fragments';

/** Differing pairs one answer names (the counts are complete). */
export const MAX_DIFFERING_LISTED = 20;

const dayMs = 24 * 60 * 60 * 1000;

function idsSchema(max: number) {
  return z.union([idSchema, z.array(idSchema).min(1).max(max)]).transform((ids) => (Array.isArray(ids) ? ids : [ids]));
}

const instant = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time with a time zone, e.g. 2026-11-01T00:00:00+07:00' })
  .transform((text) => new Date(text));

/** The dashboard's `from`, `to` and `storeId` (dashboard.validators.ts) plus `channelId`. */
export const priceConsistencyQuerySchema = z
  .strictObject({
    from: instant.meta({ description: 'Start of the period (inclusive)', example: '2026-11-01T00:00:00+07:00' }),
    to: instant.meta({ description: 'End of the period (exclusive)', example: '2026-12-01T00:00:00+07:00' }),
    storeId: idsSchema(MAX_STORES_PER_QUERY).optional().meta({ description: 'Accepted like every tile; channels serve every store' }),
    channelId: idsSchema(100).optional().meta({ description: 'Only these channels (repeat the parameter)' }),
  })
  .refine((query) => !(query.from instanceof Date && query.to instanceof Date) || query.from < query.to, {
    path: ['to'],
    message: 'must be after from',
  })
  .refine(
    (query) =>
      !(query.from instanceof Date && query.to instanceof Date) || query.to.getTime() - query.from.getTime() <= MAX_PERIOD_DAYS * dayMs,
    { path: ['to'], message: `the period may span at most ${MAX_PERIOD_DAYS} days` },
  );

const figuresSchema = z.object({
  pairs: z.number().int().meta({ description: 'SKU x channel pairs (listings of active products, and pairs a promotion touched)' }),
  checked: z.number().int().meta({ description: 'Pairs with a read-back' }),
  consistent: z.number().int().meta({ description: 'Checked pairs whose latest read-back showed the expected price' }),
  differing: z.number().int(),
  unchecked: z.number().int(),
  consistentShare: z.number().min(0).max(1).nullable().meta({ description: 'consistent / checked; null when nothing was read back' }),
  checkedInPeriod: z.number().int().meta({ description: 'Pairs whose latest read-back falls in the period' }),
});

export const priceConsistencyMetricsSchema = z
  .object({
    period: z.object({ from: z.date(), to: z.date() }),
    previousPeriod: z.object({ from: z.date(), to: z.date() }),
    measuredAt: z.date(),
    total: figuresSchema,
    byChannel: z.array(
      z.object({
        channelId: idSchema,
        channelCode: z.string(),
        channelName: z.string(),
        channelKind: z.enum(ChannelKind),
        figures: figuresSchema,
      }),
    ),
    differing: z.array(
      z.object({
        productId: idSchema,
        sku: z.string(),
        channelCode: z.string(),
        currency: z.string(),
        expectedPriceMinor: z.number().int(),
        shownPriceMinor: z.number().int().nullable(),
        checkedAt: z.date().nullable(),
        checkSource: checkSourceSchema,
      }),
    ),
  })
  .meta({ id: 'PriceConsistencyMetrics' });

interface FigureRow {
  channelId: string | null;
  pairs: bigint;
  checked: bigint;
  consistent: bigint;
  differing: bigint;
  checkedInPeriod: bigint;
}

function figuresOf(row: FigureRow | undefined) {
  const pairs = countOf(row?.pairs ?? null);
  const checked = countOf(row?.checked ?? null);
  const consistent = countOf(row?.consistent ?? null);
  return {
    pairs,
    checked,
    consistent,
    differing: countOf(row?.differing ?? null),
    unchecked: pairs - checked,
    consistentShare: rateOf(consistent, checked),
    checkedInPeriod: countOf(row?.checkedInPeriod ?? null),
  };
}

/**
 * `GET /api/metrics/price-consistency` (issue #14): the share of SKU x channel pairs whose latest
 * read-back showed the price we expect there now, per channel and in total, one SQL aggregate over
 * db/promotions/price-pairs-sql.ts. A figure of now, like channel health: the period only counts how many of those
 * read-backs are recent. Channels serve every store, so a store filter is accepted and changes nothing.
 */
export function registerPriceConsistencyMetricRoute(api: ApiRouter, { prisma }: { prisma: PrismaClient }): void {
  api.route({
    method: 'get',
    path: '/api/metrics/price-consistency',
    summary: 'Price consistency now: share of SKU x channel at the expected price by read-back',
    description: 'Channels serve every store: the store filter is accepted (and checked) but changes nothing here.',
    tags: ['metrics'],
    access: 'authenticated',
    request: { query: priceConsistencyQuerySchema },
    response: { description: 'Price consistency figures', schema: priceConsistencyMetricsSchema },
    handle: async ({ query, actor }) => {
      // Same rule as every tile: staff naming another store get the 403 (the figures are channel-wide).
      storeFilterFor(actor, query.storeId);
      const period = { from: query.from, to: query.to };
      const now = new Date();
      const pairs = pricePairsSql({ channelIds: query.channelId }, now);
      const [figures, differing, channels] = await Promise.all([
        prisma.$queryRaw<FigureRow[]>`
          SELECT "channelId", count(*) AS pairs,
            count(*) FILTER (WHERE consistent IS NOT NULL) AS checked,
            count(*) FILTER (WHERE consistent) AS consistent,
            count(*) FILTER (WHERE NOT consistent) AS differing,
            count(*) FILTER (WHERE "checkedAt" >= ${period.from} AND "checkedAt" < ${period.to}) AS "checkedInPeriod"
          FROM (${pairs}) AS pair
          GROUP BY GROUPING SETS (("channelId"), ())`,
        prisma.$queryRaw<(PricePairRow & { channelCode: string })[]>`
          SELECT pair.*, c.code AS "channelCode" FROM (${pairs}) AS pair JOIN channels c ON c.id = pair."channelId"
          WHERE NOT pair.consistent ORDER BY pair."checkedAt" DESC, pair.sku, c.code LIMIT ${MAX_DIFFERING_LISTED}`,
        prisma.channel.findMany({
          where: query.channelId === undefined ? {} : { id: { in: query.channelId } },
          orderBy: { code: 'asc' },
        }),
      ]);
      const byChannel = new Map(figures.filter((row) => row.channelId !== null).map((row) => [row.channelId, row]));
      return {
        period,
        previousPeriod: previousPeriodOf(period),
        measuredAt: now,
        total: figuresOf(figures.find((row) => row.channelId === null)),
        byChannel: channels
          .filter((channel) => byChannel.has(channel.id))
          .map((channel) => ({
            channelId: channel.id,
            channelCode: channel.code,
            channelName: channel.name,
            channelKind: channel.kind,
            figures: figuresOf(byChannel.get(channel.id)),
          })),
        differing: differing.map((row) => ({
          productId: row.productId,
          sku: row.sku,
          channelCode: row.channelCode,
          currency: row.currency,
          expectedPriceMinor: row.expectedPriceMinor,
          shownPriceMinor: row.shownPriceMinor,
          checkedAt: row.checkedAt,
          checkSource: row.checkSource,
        })),
      };
    },
  });
}
