import { type ChannelKind, type PrismaClient, Prisma } from '../../../prisma/client';
import { type DriftFigures } from './dashboard.validators';
import { type Period } from './reporting-period';
import { countOf, inStores } from './sql-fragments';

interface DriftRow {
  storeId: string | null;
  channelId: string | null;
  currency: string | null;
  discrepancies: bigint;
  units: bigint;
  valueMinor: bigint;
}

export interface DriftGroup {
  storeId: string | null;
  channelId: string | null;
  figures: DriftFigures;
}

/** Units off are |delta|: a shelf with 3 fewer and a channel with 3 more are both 3 units of drift. */
const unitsOff = Prisma.sql`abs(d.delta)`;

/**
 * Discrepancies raised in the period (stock sync's final check per channel, stock counts and outage
 * journals per store), by store, by channel and in total, with their value at the product's base price.
 * A store filter keeps only discrepancies of those stores (a channel's own drift has no store).
 */
export async function driftRaised(prisma: PrismaClient, period: Period, storeIds: readonly string[] | undefined): Promise<DriftGroup[]> {
  const rows = await prisma.$queryRaw<DriftRow[]>`
    SELECT d.store_id AS "storeId", d.channel_id AS "channelId", p.currency,
      count(*) AS discrepancies, sum(${unitsOff})::int8 AS units, sum(${unitsOff} * p.base_price_minor)::int8 AS "valueMinor",
      GROUPING(d.store_id) AS by_store, GROUPING(d.channel_id) AS by_channel
    FROM discrepancies d JOIN products p ON p.id = d.product_id
    WHERE d.created_at >= ${period.from} AND d.created_at < ${period.to}
      AND ${inStores(Prisma.sql`d.store_id`, storeIds)}
    GROUP BY GROUPING SETS ((d.store_id, p.currency), (d.channel_id, p.currency), (p.currency))`;
  return mergeCurrencies(rows);
}

/** One group per store / channel / total, its value split by currency. */
function mergeCurrencies(rows: readonly (DriftRow & { by_store?: number; by_channel?: number })[]): DriftGroup[] {
  const groups = new Map<string, DriftGroup>();
  for (const row of rows) {
    // GROUPING() is 0 for a column the set groups by: (store) rows have by_store 0, (channel) rows by_channel 0.
    const storeId = row.by_store === 0 ? row.storeId : null;
    const channelId = row.by_channel === 0 ? row.channelId : null;
    const kind = row.by_store === 0 ? 'store' : row.by_channel === 0 ? 'channel' : 'total';
    if ((kind === 'store' && storeId === null) || (kind === 'channel' && channelId === null)) continue;
    const key = `${kind}:${storeId ?? channelId ?? ''}`;
    const group = groups.get(key) ?? { storeId, channelId, figures: { discrepancies: 0, units: 0, value: [] } };
    group.figures.discrepancies += countOf(row.discrepancies);
    group.figures.units += countOf(row.units);
    group.figures.value.push({ currency: row.currency ?? '', minor: countOf(row.valueMinor) });
    groups.set(key, group);
  }
  return [...groups.values()];
}

export function emptyDrift(): DriftFigures {
  return { discrepancies: 0, units: 0, value: [] };
}

/** Per UTC day of the period: discrepancies raised and their units. */
export async function driftDaily(prisma: PrismaClient, period: Period, storeIds: readonly string[] | undefined) {
  const rows = await prisma.$queryRaw<{ day: string; discrepancies: bigint; units: bigint }[]>`
    SELECT to_char(date_trunc('day', d.created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day,
      count(*) AS discrepancies, sum(${unitsOff})::int8 AS units
    FROM discrepancies d
    WHERE d.created_at >= ${period.from} AND d.created_at < ${period.to}
      AND ${inStores(Prisma.sql`d.store_id`, storeIds)}
    GROUP BY 1 ORDER BY 1`;
  return rows.map((row) => ({ day: row.day, discrepancies: countOf(row.discrepancies), units: countOf(row.units) }));
}

/**
 * Listings whose last read-back differs from what we published (drift_detected_at is set by the stock
 * sync beyond its tolerance, docs/stock-sync.md), per channel: units off and their value.
 */
export async function listingsDriftingNow(prisma: PrismaClient) {
  const rows = await prisma.$queryRaw<
    {
      channelId: string;
      channelCode: string;
      channelName: string;
      channelKind: ChannelKind;
      currency: string;
      listings: bigint;
      units: bigint;
      valueMinor: bigint;
    }[]
  >`
    SELECT c.id AS "channelId", c.code AS "channelCode", c.name AS "channelName", c.kind::text AS "channelKind", p.currency,
      count(*) AS listings,
      sum(abs(coalesce(l.verified_stock, 0) - coalesce(l.published_stock, 0)))::int8 AS units,
      sum(abs(coalesce(l.verified_stock, 0) - coalesce(l.published_stock, 0)) * p.base_price_minor)::int8 AS "valueMinor"
    FROM channel_listings l JOIN channels c ON c.id = l.channel_id JOIN products p ON p.id = l.product_id
    WHERE l.drift_detected_at IS NOT NULL
    GROUP BY c.id, c.code, c.name, c.kind, p.currency
    ORDER BY c.code, p.currency`;
  const byChannel = new Map<
    string,
    {
      channelId: string;
      channelCode: string;
      channelName: string;
      channelKind: ChannelKind;
      listings: number;
      units: number;
      value: { currency: string; minor: number }[];
    }
  >();
  for (const row of rows) {
    const entry = byChannel.get(row.channelId) ?? {
      channelId: row.channelId,
      channelCode: row.channelCode,
      channelName: row.channelName,
      channelKind: row.channelKind,
      listings: 0,
      units: 0,
      value: [],
    };
    entry.listings += countOf(row.listings);
    entry.units += countOf(row.units);
    entry.value.push({ currency: row.currency, minor: countOf(row.valueMinor) });
    byChannel.set(row.channelId, entry);
  }
  return [...byChannel.values()];
}
