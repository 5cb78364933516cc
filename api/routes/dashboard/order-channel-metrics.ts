import { type ChannelKind, type PrismaClient, Prisma } from '../../../prisma/client';
import { type OrderFigures } from './dashboard.validators';
import { type Period } from './reporting-period';
import { countOf, inStores, rateOf } from './sql-fragments';

interface OrderCountRow {
  channelId: string | null;
  channelCode: string | null;
  channelName: string | null;
  channelKind: ChannelKind | null;
  orders: bigint;
  cancelled: bigint;
  returned: bigint;
}

export interface ChannelOrderFigures {
  channel: { channelId: string; channelCode: string; channelName: string; channelKind: ChannelKind } | null;
  figures: OrderFigures;
}

/**
 * Orders that a return (not cancelled or rejected) was opened for count as returned, once each, however
 * many returns they have; by the order's own store and channel, wherever the items were handed in.
 */
const isReturned = Prisma.sql`EXISTS (SELECT 1 FROM returns r WHERE r.order_id = o.id AND r.status NOT IN ('CANCELLED', 'REJECTED'))`;

/**
 * Orders placed in the period per source channel, and for all channels together (the grouping set's empty
 * row, channel null), with how many were cancelled and returned. Store scope: the pickup store; orders
 * without one (shipped) only count when no store is chosen.
 */
export async function orderFiguresByChannel(
  prisma: PrismaClient,
  period: Period,
  storeIds: readonly string[] | undefined,
): Promise<ChannelOrderFigures[]> {
  const rows = await prisma.$queryRaw<OrderCountRow[]>`
    SELECT c.id AS "channelId", c.code AS "channelCode", c.name AS "channelName", c.kind::text AS "channelKind",
      count(o.id) AS orders,
      count(o.id) FILTER (WHERE o.status = 'CANCELLED') AS cancelled,
      count(o.id) FILTER (WHERE ${isReturned}) AS returned
    FROM channels c
    LEFT JOIN orders o ON o.channel_id = c.id
      AND o.placed_at >= ${period.from} AND o.placed_at < ${period.to}
      AND ${inStores(Prisma.sql`o.pickup_store_id`, storeIds)}
    GROUP BY GROUPING SETS ((c.id, c.code, c.name, c.kind), ())
    ORDER BY c.code NULLS FIRST`;
  return rows.map((row) => {
    const orders = countOf(row.orders);
    const cancelled = countOf(row.cancelled);
    const returned = countOf(row.returned);
    return {
      channel:
        row.channelId === null
          ? null
          : {
              channelId: row.channelId,
              channelCode: row.channelCode ?? '',
              channelName: row.channelName ?? '',
              channelKind: row.channelKind ?? 'WEB_STORE',
            },
      figures: {
        orders,
        cancelled,
        cancellationRate: rateOf(cancelled, orders),
        returned,
        returnRate: rateOf(returned, orders),
      },
    };
  });
}
