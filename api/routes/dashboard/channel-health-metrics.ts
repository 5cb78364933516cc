import { type ChannelKind, type ChannelStatus, type PrismaClient } from '../../../prisma/client';
import { type Period } from './reporting-period';
import { countOf } from './sql-fragments';

/** Each channel's state now (status, last healthy probe, open outages) and outages detected in both periods. */
export async function channelHealth(prisma: PrismaClient, period: Period, previous: Period) {
  const rows = await prisma.$queryRaw<
    {
      channelId: string;
      channelCode: string;
      channelName: string;
      channelKind: ChannelKind;
      status: ChannelStatus;
      lastHealthyAt: Date | null;
      openOutages: bigint;
      detectedNow: bigint;
      detectedBefore: bigint;
    }[]
  >`
    SELECT c.id AS "channelId", c.code AS "channelCode", c.name AS "channelName", c.kind::text AS "channelKind",
      c.status::text AS status, c.last_healthy_at AS "lastHealthyAt",
      count(o.id) FILTER (WHERE o.status <> 'RESOLVED') AS "openOutages",
      count(o.id) FILTER (WHERE o.detected_at >= ${period.from} AND o.detected_at < ${period.to}) AS "detectedNow",
      count(o.id) FILTER (WHERE o.detected_at >= ${previous.from} AND o.detected_at < ${previous.to}) AS "detectedBefore"
    FROM channels c LEFT JOIN outages o ON o.channel_id = c.id
    GROUP BY c.id ORDER BY c.code`;
  return rows.map(({ openOutages, detectedNow, detectedBefore, ...channel }) => ({
    ...channel,
    openOutages: countOf(openOutages),
    outagesDetected: { current: countOf(detectedNow), previous: countOf(detectedBefore) },
  }));
}
