import { NotFoundError } from '../../domain/errors';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';

export interface OutageSnapshot {
  id: string;
  kind: 'CHANNEL' | 'STORE';
  channelId: string | null;
  channelCode: string | null;
  storeId: string | null;
  storeCode: string | null;
  status: string;
}

/** What the outage's run needs of its row: what is down, and where it stands. */
export function createLoadOutage({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function loadOutage({ outageId }: { outageId: string }): Promise<OutageSnapshot> {
    return withTemporalFailures(async () => {
      const row = await prisma.outage.findUnique({
        where: { id: outageId },
        include: { channel: { select: { code: true } }, store: { select: { code: true } } },
      });
      if (row === null) throw new NotFoundError(`Outage ${outageId} not found`);
      return {
        id: row.id,
        kind: row.kind,
        channelId: row.channelId,
        channelCode: row.channel?.code ?? null,
        storeId: row.storeId,
        storeCode: row.store?.code ?? null,
        status: row.status,
      };
    });
  };
}
