import { type Client } from '@temporalio/client';
import { z } from 'zod';
import { applyChannelOrderEvent, type WebhookChannel } from '../../db/intake/apply-channel-order-event';
import { type CustomerIntakeRules } from '../../db/intake/find-or-create-customer';
import { type WorkflowStartPolicy } from '../../workflow-starts/workflow-start-policy';
import { type ListedOrder } from '../../channels/order-listing';
import { InvalidDataError } from '../../domain/errors';
import { lateOrderEventId } from '../../domain/outages/late-orders';
import { channelOrderEventSchema } from '../../domain/orders/channel-order-event';
import { type PrismaClient } from '../../prisma/client';
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
  const { prisma, channel, outageId, rules, client } = intake;
  const event = eventOf(outageId, channel, order, new Date());
  if (!event.success) return { kind: 'refused', reason: event.error.issues[0]?.message ?? 'invalid order' };
  let applied;
  try {
    applied = await applyChannelOrderEvent(prisma, channel, event.data, rules);
  } catch (error) {
    if (error instanceof InvalidDataError) return { kind: 'refused', reason: error.message };
    throw error;
  }
  if (client !== null) {
    const deps = { prisma, client, temporalTimeoutMs: startSettings.temporalTimeoutMs, timing: startSettings };
    // Its outcome is recorded either way; a failed attempt is the relay's to retry.
    if (applied.start !== null) await startWorkflowNow(deps, applied.start);
    if (applied.signalled !== null) await attemptWorkflowStartNow({ ...deps, claimMs: startSettings.claimMs }, applied.signalled);
  }
  return (await createdByLateOrderEvent(prisma, applied.order.id, event.data.eventId))
    ? { kind: 'taken-in', orderId: applied.order.id }
    : { kind: 'already-received' };
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
