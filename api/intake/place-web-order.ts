import { type Actor } from '../../domain/auth/roles';
import { normalizePhone } from '../../domain/customers/contact-details';
import { ConflictError, InvalidDataError, NotFoundError } from '../../domain/errors';
import { priceOrderLines } from '../../domain/orders/order-lines';
import { type WebOrder } from '../../domain/orders/web-order';
import { type PrismaClient } from '../../prisma/client';
import { type WorkflowStartRequest } from '../../workflow-starts/workflow-start-request';
import { recordAudit } from '../../db/audit/record-audit';
import { enqueuePickupStart } from '../../db/intake/enqueue-pickup-start';
import { pickupStoreByCode, productsBySku } from '../../db/intake/catalogue-lookups';
import { type CustomerIntakeRules, findOrCreateCustomer } from '../../db/intake/find-or-create-customer';
import { insertOrder, type NewOrder } from '../../db/intake/insert-order';
import { lockOrderIntake } from '../../db/intake/intake-locks';
import { type IntakeOrderState, intakeOrderStateFields } from '../../db/intake/intake-order-state';
import { type WorkflowStartPolicy } from '../../workflow-starts/workflow-start-policy';

export interface WebOrderRules extends CustomerIntakeRules {
  /** Code of the channel record that stands for our own web store. */
  webChannelCode: string;
  starts: WorkflowStartPolicy;
}

export interface PlacedWebOrder {
  /** False when an order with this external id already existed: the request was a repeat. */
  created: boolean;
  order: IntakeOrderState;
  /** The pickup run this order was promised (new pickup orders only): attempt it after commit. */
  start: WorkflowStartRequest | null;
}

/** Staff type phone numbers in; unlike a channel's, a number we cannot read is the caller's to fix. */
function throwIfPhoneIsUnusable(order: WebOrder, rules: CustomerIntakeRules): void {
  if (order.customer.phone === undefined) return;
  const normalised = normalizePhone(order.customer.phone, rules.phoneRegion);
  if (!normalised.ok) throw new InvalidDataError('The customer’s phone number cannot be used', { 'customer.phone': normalised.reason });
}

/** Without a checkout payment the customer pays on collection or delivery: the payment waits as PENDING. */
function paymentOf(order: WebOrder): NewOrder['payment'] {
  if (order.payment !== undefined)
    return { provider: order.payment.provider, externalRef: order.payment.reference, status: order.payment.status };
  return {
    provider: order.fulfilmentType === 'PICKUP' ? 'pay-at-pickup' : 'pay-on-delivery',
    externalRef: `order:${order.externalId}`,
    status: 'PENDING',
  };
}

/**
 * Takes an order from our own web store, idempotent on its external id: a repeat (a retried checkout,
 * a double click) returns the order the first request created and changes nothing.
 */
export async function placeWebOrder(
  prisma: PrismaClient,
  actor: Actor,
  requestId: string,
  order: WebOrder,
  rules: WebOrderRules,
): Promise<PlacedWebOrder> {
  throwIfPhoneIsUnusable(order, rules);
  return prisma.$transaction(async (tx) => {
    const channel = await tx.channel.findUnique({ where: { code: rules.webChannelCode }, select: { id: true, code: true } });
    if (channel === null)
      throw new NotFoundError(`The web store channel "${rules.webChannelCode}" does not exist; seed it or set WEB_CHANNEL_CODE`);
    await lockOrderIntake(tx, channel.id, order.externalId);

    const existing = await tx.order.findUnique({
      where: { channelId_externalId: { channelId: channel.id, externalId: order.externalId } },
      select: intakeOrderStateFields,
    });
    if (existing !== null) return { created: false, order: existing, start: null };

    const store =
      order.pickupStoreCode === undefined || order.fulfilmentType !== 'PICKUP'
        ? null
        : await pickupStoreByCode(tx, order.pickupStoreCode, 'pickupStoreCode');
    // Our own checkout can still send the shopper elsewhere; a channel's order is already sold and is taken.
    if (store?.pickupPaused === true)
      throw new ConflictError(
        `Pickup at ${store.code} is paused while the store is cut off (an outage): choose another pickup store or delivery`,
      );
    const priced = priceOrderLines(
      order.lines,
      await productsBySku(
        tx,
        order.lines.map((line) => line.sku),
      ),
      {
        fieldPath: 'lines',
        acceptInactiveProducts: false,
        currency: store?.currency,
      },
    );
    const customer = await findOrCreateCustomer(
      tx,
      channel.id,
      {
        name: order.customer.name,
        phone: order.customer.phone ?? null,
        email: order.customer.email ?? null,
        externalId: order.customer.externalId,
      },
      rules,
    );
    const created = await insertOrder(tx, {
      channelId: channel.id,
      externalId: order.externalId,
      customerId: customer.customerId,
      fulfilmentType: order.fulfilmentType,
      pickupStoreId: store?.id ?? null,
      cancellation: null,
      currency: priced.currency,
      totalMinor: priced.totalMinor,
      placedAt: order.placedAt === undefined ? new Date() : new Date(order.placedAt),
      channelSequence: 0,
      intakeNotes: customer.notes,
      lines: priced.lines,
      payment: paymentOf(order),
    });
    await recordAudit(tx, {
      actor,
      action: 'order.create',
      entityType: 'Order',
      entityId: created.id,
      after: {
        channel: channel.code,
        externalId: order.externalId,
        fulfilmentType: order.fulfilmentType,
        pickupStoreCode: store?.code ?? null,
        totalMinor: priced.totalMinor,
        lines: priced.lines.length,
      },
      requestId,
    });
    const start =
      store === null
        ? null
        : await enqueuePickupStart(tx, rules.starts, {
            order: created,
            externalId: order.externalId,
            channelCode: channel.code,
            currency: priced.currency,
            status: 'RECEIVED',
            customerName: customer.customerName,
            store,
          });
    return { created: true, order: { id: created.id, status: 'RECEIVED', fulfilmentType: order.fulfilmentType, workflowId: null }, start };
  });
}
