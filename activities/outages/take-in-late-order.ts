import { type Client } from '@temporalio/client';
import { z } from 'zod';
import { type AppliedChannelEvent, applyChannelOrderEvent, type WebhookChannel } from '../../db/intake/apply-channel-order-event';
import { type CustomerIntakeRules } from '../../db/intake/find-or-create-customer';
import { type WorkflowStartPolicy } from '../../workflow-starts/workflow-start-policy';
import { type ListedOrder } from '../../channels/order-listing';
import { InvalidDataError } from '../../domain/errors';
import { lateCancellationEventId, lateOrderEventId } from '../../domain/outages/late-orders';
import { channelOrderEventSchema } from '../../domain/orders/channel-order-event';
import { type OrderStatus, type PrismaClient } from '../../prisma/client';
import { relaySettingsFrom, workflowStartEnv } from '../../workflow-starts/start-settings';
import { attemptWorkflowStartNow, startWorkflowNow } from '../../workflow-starts/start-workflow-now';

/** The outbox's own defaults (WORKFLOW_START_*): the worker's relay retries whatever the first attempt misses. */
const startEnv = z.object(workflowStartEnv).parse({});
const startSettings = relaySettingsFrom(startEnv);

/** Pickup runs of fetched orders go to `taskQueue`; the relay leaves each to this step's own first attempt for a while. */
export function lateOrderStartPolicy(taskQueue: string): WorkflowStartPolicy {
  return { taskQueue, firstRelayAttemptAt: () => new Date(Date.now() + startEnv.WORKFLOW_START_RELAY_DELAY_MS) };
}

export interface LateOrderIntake {
  prisma: PrismaClient;
  channel: WebhookChannel;
  outageId: string;
  rules: CustomerIntakeRules & { starts: WorkflowStartPolicy };
  /** The worker's client, for the pickup run's first start attempt (null: the relay starts it). */
  client: Client | null;
}

export type LateOrderOutcome = { kind: 'taken-in'; orderId: string } | { kind: 'already-received' } | { kind: 'refused'; reason: string };

/**
 * The listed order as intake reads a webhook (the same zod schema and the same transaction): an event with an
 * id of its own per outage and order (a retry of this step is a duplicate) and the order's current sequence
 * (so its original webhook, redelivered later, is stale and creates nothing). `order.cancelled` when the
 * channel shows it cancelled: intake then creates it cancelled and its pickup run refunds it.
 */
function eventOf(outageId: string, channel: WebhookChannel, order: ListedOrder, now: Date) {
  const { sequence, ...snapshot } = order;
  return channelOrderEventSchema.safeParse({
    eventId: lateOrderEventId(outageId, order.externalId),
    type: order.status === 'CANCELLED' ? 'order.cancelled' : 'order.created',
    channelCode: channel.code,
    occurredAt: now.toISOString(),
    sequence,
    order: snapshot,
  });
}

/**
 * Takes one order the channel listed and we do not have through the webhook's intake path
 * (applyChannelOrderEvent: advisory lock per channel order, inbox row, order, payment, audit, the pickup run in
 * the outbox), then makes the run's first start attempt as the webhook route does after its answer. A webhook
 * that arrives meanwhile is serialised by intake's lock: whichever comes first creates the order, the other is
 * stale or a duplicate. Intake's refusals (unknown SKU or store, bad data) are answered, not thrown.
 */
export async function takeInLateOrder(intake: LateOrderIntake, order: ListedOrder): Promise<LateOrderOutcome> {
  const { prisma, channel, outageId, rules } = intake;
  const event = eventOf(outageId, channel, order, new Date());
  if (!event.success) return { kind: 'refused', reason: event.error.issues[0]?.message ?? 'invalid order' };
  let applied;
  try {
    applied = await applyChannelOrderEvent(prisma, channel, event.data, rules);
  } catch (error) {
    if (error instanceof InvalidDataError) return { kind: 'refused', reason: error.message };
    throw error;
  }
  await deliverAfterCommit(intake, applied);
  return (await createdByLateOrderEvent(prisma, applied.order.id, event.data.eventId))
    ? { kind: 'taken-in', orderId: applied.order.id }
    : { kind: 'already-received' };
}

/** The run's start and the queued signal, attempted as the webhook route does after its answer. */
async function deliverAfterCommit({ prisma, client }: LateOrderIntake, applied: AppliedChannelEvent): Promise<void> {
  if (client === null) return;
  const deps = { prisma, client, temporalTimeoutMs: startSettings.temporalTimeoutMs, timing: startSettings };
  // Its outcome is recorded either way; a failed attempt is the relay's to retry.
  if (applied.start !== null) await startWorkflowNow(deps, applied.start);
  if (applied.signalled !== null) await attemptWorkflowStartNow({ ...deps, claimMs: startSettings.claimMs }, applied.signalled);
}

/** What we know of an order we had when the listing shows it. */
export interface KnownOrder {
  id: string;
  status: OrderStatus;
  channelSequence: number;
}

/**
 * An order we had that the channel lists CANCELLED at a newer sequence than ours: its cancellation's webhook was
 * lost. Applied through intake as that webhook (`order.cancelled` with the listed sequence, event id per outage
 * and order): the same lock, the stale check against the order's sequence (a webhook that arrived meanwhile
 * wins, and this one is stale), the pickup run told through the outbox (it releases the stock and refunds),
 * then the signal delivered. True when this step's event cancelled the order or asked its run to (intake's audit
 * names the event), now or in an earlier attempt, so a retry counts it once; an order handed over already gets
 * intake's note for a person and is not counted; a listing not newer than ours, or an order we cancelled
 * ourselves, changes nothing and writes nothing.
 */
export async function applyListedCancellation(intake: LateOrderIntake, known: KnownOrder, order: ListedOrder): Promise<boolean> {
  if (order.status !== 'CANCELLED') return false;
  const { prisma, channel, outageId, rules } = intake;
  const eventId = lateCancellationEventId(outageId, order.externalId);
  const earlier = await prisma.orderWebhookEvent.count({ where: { channelId: channel.id, eventId } });
  if (earlier > 0) return cancelledByEvent(prisma, known.id, eventId);
  if (known.status === 'CANCELLED' || order.sequence <= known.channelSequence) return false;
  const { sequence, ...snapshot } = order;
  const event = channelOrderEventSchema.safeParse({
    eventId,
    type: 'order.cancelled',
    channelCode: channel.code,
    occurredAt: new Date().toISOString(),
    sequence,
    order: snapshot,
  });
  // The listing's order is the webhook's own schema: a snapshot intake cannot read changes nothing here.
  if (!event.success) return false;
  const applied = await applyChannelOrderEvent(prisma, channel, event.data, rules);
  await deliverAfterCommit(intake, applied);
  return cancelledByEvent(prisma, known.id, eventId);
}

/** True when intake cancelled the order for `eventId`, or asked its running pickup workflow to. */
async function cancelledByEvent(prisma: PrismaClient, orderId: string, eventId: string): Promise<boolean> {
  const cancelled = await prisma.auditEvent.count({
    where: {
      entityType: 'Order',
      entityId: orderId,
      action: { in: ['order.cancel', 'order.cancel-requested'] },
      after: { path: ['eventId'], equals: eventId },
    },
  });
  return cancelled > 0;
}

/**
 * True when `eventId` created the order: intake's creation audit (`order.receive`, or `order.receive-cancelled`)
 * names the event that created it, whichever event's transaction started first.
 */
export async function createdByLateOrderEvent(prisma: PrismaClient, orderId: string, eventId: string): Promise<boolean> {
  const created = await prisma.auditEvent.count({
    where: {
      entityType: 'Order',
      entityId: orderId,
      action: { in: ['order.receive', 'order.receive-cancelled'] },
      after: { path: ['eventId'], equals: eventId },
    },
  });
  return created > 0;
}
