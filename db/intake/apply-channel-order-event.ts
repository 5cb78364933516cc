import { InvalidDataError } from '../../domain/errors';
import { type ChannelOrderEvent } from '../../domain/orders/channel-order-event';
import { canBeCancelled, fulfilmentTypeOf, isCancellation, isStaleEvent } from '../../domain/orders/intake-rules';
import { priceOrderLines } from '../../domain/orders/order-lines';
import { type Prisma, type PrismaClient } from '../../prisma/client';
import { pickupWorkflowId } from '../../domain/pickup/pickup-workflow';
import { queueWorkflowSignal } from '../../workflow-starts/enqueue-workflow-start';
import { type WorkflowStartRequest } from '../../workflow-starts/workflow-start-request';
import { recordAudit } from '../audit/record-audit';
import { pickupCancelledSignalOf } from '../../domain/pickup/pickup-definition';
import { type PickupStore, pickupStoreByCode, productsBySku } from './catalogue-lookups';
import { enqueuePickupStart } from './enqueue-pickup-start';
import { type CustomerIntakeRules, findOrCreateCustomer } from './find-or-create-customer';
import { insertOrder } from './insert-order';
import { lockOrderIntake } from './intake-locks';
import { type IntakeOrderState, intakeOrderStateFields } from './intake-order-state';
import { type WorkflowStartPolicy } from '../../workflow-starts/workflow-start-policy';

export interface WebhookChannel {
  id: string;
  code: string;
}

export type WebhookOutcome = 'applied' | 'duplicate' | 'stale';

export interface AppliedChannelEvent {
  outcome: WebhookOutcome;
  order: IntakeOrderState;
  /** The pickup run this event promised (a new pickup order): attempt it after commit. */
  start: WorkflowStartRequest | null;
  /** A cancellation was queued for this workflow's run: deliver it after commit. */
  signalled: string | null;
}

interface ChannelIntakeRules extends CustomerIntakeRules {
  starts: WorkflowStartPolicy;
}

/** The validated event as stored in the inbox (JSON has no `undefined`). */
function toJson(event: ChannelOrderEvent): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(event)) as Prisma.InputJsonValue;
}

function channelActor(channel: WebhookChannel) {
  return { systemLabel: `channel:${channel.code}` };
}

function cancellationReason(channel: WebhookChannel): string {
  return `Cancelled by the customer on ${channel.code}`;
}

async function createOrderFromEvent(
  tx: Prisma.TransactionClient,
  channel: WebhookChannel,
  event: ChannelOrderEvent,
  rules: ChannelIntakeRules,
): Promise<{ order: IntakeOrderState; start: WorkflowStartRequest | null }> {
  const { order } = event;
  const fulfilmentType = fulfilmentTypeOf(order.fulfilment);
  let pickupStore: PickupStore | null = null;
  if (fulfilmentType === 'PICKUP') {
    if (order.pickupStoreCode === null)
      throw new InvalidDataError('A pickup order needs a pickup store', { 'order.pickupStoreCode': 'required for PICKUP' });
    pickupStore = await pickupStoreByCode(tx, order.pickupStoreCode, 'order.pickupStoreCode');
  }
  const requested = order.lines.map((line) => ({ sku: line.sku, quantity: line.quantity, unitPriceMinor: line.unitPrice }));
  const priced = priceOrderLines(
    requested,
    await productsBySku(
      tx,
      requested.map((line) => line.sku),
    ),
    {
      fieldPath: 'order.lines',
      acceptInactiveProducts: true,
      currency: order.currency,
    },
  );

  const customer = await findOrCreateCustomer(tx, channel.id, order.customer, rules);
  const cancelled = isCancellation(event);
  const created = await insertOrder(tx, {
    channelId: channel.id,
    externalId: order.externalId,
    customerId: customer.customerId,
    fulfilmentType,
    pickupStoreId: pickupStore?.id ?? null,
    cancellation: cancelled ? { at: new Date(event.occurredAt), reason: cancellationReason(channel) } : null,
    currency: priced.currency,
    // What the channel charged the customer (it may include fees or discounts our lines do not show).
    totalMinor: order.totalAmount,
    placedAt: new Date(order.placedAt),
    channelSequence: event.sequence,
    intakeNotes: customer.notes,
    lines: priced.lines,
    // Marketplaces and social shops take the money themselves before they tell us about the order.
    payment: { provider: channel.code, externalRef: order.externalId, status: 'CAPTURED' },
  });
  await recordAudit(tx, {
    actor: channelActor(channel),
    action: cancelled ? 'order.receive-cancelled' : 'order.receive',
    entityType: 'Order',
    entityId: created.id,
    after: {
      channel: channel.code,
      externalId: order.externalId,
      fulfilmentType,
      pickupStoreCode: order.pickupStoreCode,
      totalMinor: order.totalAmount,
      eventId: event.eventId,
      sequence: event.sequence,
    },
  });
  const status = cancelled ? 'CANCELLED' : 'RECEIVED';
  const start =
    pickupStore === null
      ? null
      : await enqueuePickupStart(tx, rules.starts, {
          order: created,
          externalId: order.externalId,
          channelCode: channel.code,
          currency: priced.currency,
          status,
          customerName: customer.customerName,
          store: pickupStore,
        });
  return { order: { id: created.id, status, fulfilmentType, workflowId: null }, start };
}

/**
 * The customer cancelled on the channel. The order's pickup run (started or still to start) is told
 * through the outbox, in this transaction, so it hears of it even if Temporal is down right now: it
 * releases the stock and refunds what was paid. Answers the workflow id whose signal was queued.
 */
async function applyCancellation(
  tx: Prisma.TransactionClient,
  channel: WebhookChannel,
  existing: IntakeOrderState,
  event: ChannelOrderEvent,
): Promise<{ order: IntakeOrderState; signalled: string | null }> {
  if (existing.status === 'CANCELLED') return { order: existing, signalled: null };
  if (!canBeCancelled(existing.status)) {
    await tx.order.update({
      where: { id: existing.id },
      data: {
        intakeNotes: {
          push: `${channel.code} reported a cancellation (event ${event.eventId}) after the order was ${existing.status}; not applied, please review`,
        },
      },
    });
    return { order: existing, signalled: null };
  }
  const workflowId = pickupWorkflowId(existing.id);
  const signalled = (await queueWorkflowSignal(
    tx,
    workflowId,
    pickupCancelledSignalOf({ reason: cancellationReason(channel), actor: { userId: null, label: `channel:${channel.code}` } }),
  ))
    ? workflowId
    : null;
  if (existing.workflowId !== null) {
    // The running pickup workflow owns the order's status from here: it releases the stock, refunds and
    // marks the order CANCELLED (its status writes refuse to leave a final status, so marking it here
    // would break the workflow's own steps). Intake records the request; the signal is queued above.
    await recordAudit(tx, {
      actor: channelActor(channel),
      action: 'order.cancel-requested',
      entityType: 'Order',
      entityId: existing.id,
      before: { status: existing.status },
      after: { eventId: event.eventId, sequence: event.sequence },
      workflowId: existing.workflowId,
    });
    return { order: existing, signalled };
  }
  // No run yet: the order is cancelled now, and the run that still starts (with the queued signal)
  // closes it without reserving and refunds what was paid.
  const updated = await tx.order.update({
    where: { id: existing.id },
    data: {
      status: 'CANCELLED',
      cancelledAt: new Date(event.occurredAt),
      cancelReason: cancellationReason(channel),
      lines: { updateMany: { where: {}, data: { status: 'CANCELLED' } } },
    },
    select: intakeOrderStateFields,
  });
  await recordAudit(tx, {
    actor: channelActor(channel),
    action: 'order.cancel',
    entityType: 'Order',
    entityId: existing.id,
    before: { status: existing.status },
    after: { status: 'CANCELLED', eventId: event.eventId, sequence: event.sequence },
  });
  return { order: updated, signalled };
}

/**
 * The order row locked until commit: starting its pickup workflow records the workflow id on this row,
 * so a cancellation either sees that id (and signals the workflow) or commits first (and the starter,
 * re-reading the order, sees the cancellation). Either way the workflow hears of it.
 */
async function lockedOrder(tx: Prisma.TransactionClient, channelId: string, externalId: string) {
  const rows = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM orders WHERE channel_id = ${channelId}::uuid AND external_id = ${externalId} FOR UPDATE`;
  const id = rows[0]?.id;
  if (id === undefined) return null;
  return tx.order.findUniqueOrThrow({ where: { id }, select: { ...intakeOrderStateFields, channelSequence: true } });
}

/**
 * Applies one order webhook exactly once, in one transaction: the inbox row (unique per channel and
 * event id) and every change it causes commit together. A redelivered event is a duplicate; an event
 * not newer than the one already applied to its order is recorded as stale and changes nothing; each
 * event carries the whole order, so whichever arrives first creates it (even "cancelled" before
 * "created", which then arrives stale).
 */
export async function applyChannelOrderEvent(
  prisma: PrismaClient,
  channel: WebhookChannel,
  event: ChannelOrderEvent,
  rules: ChannelIntakeRules,
): Promise<AppliedChannelEvent> {
  return prisma.$transaction(async (tx) => {
    const externalId = event.order.externalId;
    await lockOrderIntake(tx, channel.id, externalId);

    const inboxKey = { channelId_eventId: { channelId: channel.id, eventId: event.eventId } };
    const seen = await tx.orderWebhookEvent.findUnique({ where: inboxKey, select: { order: { select: intakeOrderStateFields } } });
    if (seen !== null) {
      await tx.orderWebhookEvent.update({ where: inboxKey, data: { deliveries: { increment: 1 }, lastDeliveredAt: new Date() } });
      return { outcome: 'duplicate', order: seen.order, start: null, signalled: null };
    }

    const existing = await lockedOrder(tx, channel.id, externalId);
    let outcome: WebhookOutcome = 'applied';
    let order: IntakeOrderState;
    let start: WorkflowStartRequest | null = null;
    let signalled: string | null = null;
    if (existing === null) {
      ({ order, start } = await createOrderFromEvent(tx, channel, event, rules));
    } else if (isStaleEvent(event.sequence, existing.channelSequence)) {
      outcome = 'stale';
      order = existing;
    } else {
      if (isCancellation(event)) ({ order, signalled } = await applyCancellation(tx, channel, existing, event));
      else order = existing;
      await tx.order.update({ where: { id: existing.id }, data: { channelSequence: event.sequence } });
    }

    await tx.orderWebhookEvent.create({
      data: {
        channelId: channel.id,
        eventId: event.eventId,
        eventType: event.type,
        externalOrderId: externalId,
        sequence: event.sequence,
        orderId: order.id,
        outcome: outcome === 'stale' ? 'STALE' : 'APPLIED',
        payload: toJson(event),
      },
    });
    return {
      outcome,
      order: { id: order.id, status: order.status, fulfilmentType: order.fulfilmentType, workflowId: order.workflowId },
      start,
      signalled,
    };
  });
}
