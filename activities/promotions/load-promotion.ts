import { NotFoundError } from '../../domain/errors';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';

export interface LoadedPromotion {
  id: string;
  name: string;
  version: number;
  status: string;
  currency: string;
  startsAt: string;
  endsAt: string;
  requestedBy: { userId: string; label: string };
  channelCodes: string[];
  /** The same channels with what the rollout decides by: kind (POS gets shelf labels) and status (OUTAGE is skipped). */
  channels?: { code: string; kind: string; status: string }[];
  skuCount: number;
}

/** What the rollout needs of its promotion: window, version, requester, channels (never its SKU list). */
export function createLoadPromotion({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function loadPromotion({ promotionId }: { promotionId: string }): Promise<LoadedPromotion> {
    return withTemporalFailures(async () => {
      const row = await prisma.promotion.findUnique({
        where: { id: promotionId },
        include: {
          requestedBy: { select: { id: true, name: true } },
          channels: { select: { channel: { select: { code: true, kind: true, status: true } } } },
          _count: { select: { skus: true } },
        },
      });
      if (row === null) throw new NotFoundError(`Promotion ${promotionId} not found`);
      return {
        id: row.id,
        name: row.name,
        version: row.version,
        status: row.status,
        currency: row.currency,
        startsAt: row.startsAt.toISOString(),
        endsAt: row.endsAt.toISOString(),
        requestedBy: { userId: row.requestedBy.id, label: row.requestedBy.name },
        channelCodes: row.channels.map((entry) => entry.channel.code).sort(),
        channels: row.channels
          .map(({ channel }) => ({ code: channel.code, kind: channel.kind, status: channel.status }))
          .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
        skuCount: row._count.skus,
      };
    });
  };
}
