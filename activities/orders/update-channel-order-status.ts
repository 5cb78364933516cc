import { type ChannelOrderStatus } from '../../channels/channel-adapter';
import { NotFoundError } from '../../domain/errors';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';

/**
 * Tells the origin channel where the order is (READY_FOR_PICKUP, COLLECTED, CANCELLED), keyed
 * `order-status:<orderId>:<status>` so a retried call is applied once. Rate limits and outages are
 * retried by Temporal; a refused transition fails non-retryably with CHANNEL_REJECTED.
 */
export function createUpdateChannelOrderStatus({ prisma, channels }: Pick<ActivityDeps, 'prisma' | 'channels'>) {
  return async function updateChannelOrderStatus({
    orderId,
    status,
  }: {
    orderId: string;
    status: ChannelOrderStatus;
  }): Promise<{ status: ChannelOrderStatus }> {
    return withTemporalFailures(async () => {
      const order = await prisma.order.findUnique({
        where: { id: orderId },
        select: { externalId: true, channel: { select: { code: true } } },
      });
      if (order === null) throw new NotFoundError(`Order ${orderId} not found`);
      const adapter = await channels.adapterFor(order.channel.code);
      const result = await adapter.updateOrderStatus({
        externalOrderId: order.externalId,
        status,
        idempotencyKey: `order-status:${orderId}:${status}`,
      });
      return { status: result.status };
    });
  };
}
