import { randomUUID } from 'node:crypto';
import { type OrderWebhookEvent } from '../order-webhook';
import { type ChannelWorld, type SandboxOrder } from './channel-world';
import { type SandboxContext } from './sandbox-context';

/** Bumps the order's version and sends the matching webhook; the payload is a snapshot of the order now. */
export function publishOrderEvent(
  context: SandboxContext,
  world: ChannelWorld,
  order: SandboxOrder,
  type: OrderWebhookEvent['type'],
): OrderWebhookEvent {
  order.sequence += 1;
  const { refunds: _refunds, sequence, ...snapshot } = order;
  const event: OrderWebhookEvent = {
    eventId: `evt_${randomUUID()}`,
    type,
    channelCode: world.code,
    occurredAt: new Date().toISOString(),
    sequence,
    order: { ...snapshot, customer: { ...snapshot.customer }, lines: snapshot.lines.map((line) => ({ ...line })) },
  };
  context.webhooks.publish(world.profile, event, { drop: world.faults.dropWebhooks });
  return event;
}
