import { pickupWorkflowId } from '../domain/pickup/pickup-workflow';
import { messagesTo } from '../test/pickup/support/pickup-driver';
import { type PickupWorld } from '../test/pickup/support/pickup-world';
import { type RunRecord } from './pickup-run';

/** What one run did to the outside world, against what its outcome should have done, exactly once. */
export interface RunEffects {
  orderId: string;
  /** Effects seen more often than once (a second reservation of a line, money refunded twice, a message sent twice). */
  duplicated: string[];
  /** Effects that should be there and are not (a line never reserved, a refund or message missing, stock left reserved). */
  missing: string[];
}

/**
 * Counted where they show: our stock ledger (one RESERVE per line, nothing left reserved, on hand down
 * by exactly what was handed over), the channel's view of the order over HTTP (refunded amount), and
 * the messages the sandbox gateway delivered to the customer's phone (per idempotency key).
 */
export async function effectsOf(world: PickupWorld, run: RunRecord, customerPhone: string): Promise<RunEffects> {
  const duplicated: string[] = [];
  const missing: string[] = [];
  const movements = await world.prisma.inventoryMovement.findMany({
    where: { workflowId: pickupWorkflowId(run.orderId) },
    include: { product: { select: { sku: true } } },
  });
  for (const sku of [world.skuOne, world.skuTwo]) {
    const reserves = movements.filter((row) => row.kind === 'RESERVE' && row.product.sku === sku).length;
    if (reserves > 1) duplicated.push(`${reserves} reservations of ${sku}`);
    if (reserves === 0) missing.push(`no reservation of ${sku}`);
  }
  const reservedLeft = movements.reduce((sum, row) => sum + row.deltaReserved, 0);
  if (reservedLeft > 0) missing.push(`${reservedLeft} unit(s) left reserved`);
  if (reservedLeft < 0) duplicated.push(`${-reservedLeft} unit(s) released twice`);
  const handedOver = run.outcome === 'COLLECTED' ? 2 : 0;
  const onHandDelta = movements.reduce((sum, row) => sum + row.deltaOnHand, 0);
  if (-onHandDelta > handedOver) duplicated.push(`on hand down by ${-onHandDelta}, ${handedOver} handed over`);
  if (-onHandDelta < handedOver) missing.push(`on hand down by ${-onHandDelta}, ${handedOver} handed over`);

  // Collected after a short pick of one unit of line one; cancelled and expired refund everything.
  const total = 2 * world.unitPrice.one + world.unitPrice.two;
  const expectedRefund = run.outcome === 'COLLECTED' ? world.unitPrice.one : total;
  const channelView = await world.channelOrder(run.externalId);
  if (channelView.refundedAmount > expectedRefund)
    duplicated.push(`channel refunded ${channelView.refundedAmount}, ${expectedRefund} due (${channelView.refunds.length} refunds)`);
  if (channelView.refundedAmount < expectedRefund) missing.push(`channel refunded ${channelView.refundedAmount}, ${expectedRefund} due`);

  const messages = (await messagesTo(world.sandboxUrl, customerPhone)).filter((message) => message.idempotencyKey.includes(run.orderId));
  const perKey = new Map<string, number>();
  for (const message of messages) perKey.set(message.idempotencyKey, (perKey.get(message.idempotencyKey) ?? 0) + 1);
  for (const [key, count] of perKey) if (count > 1) duplicated.push(`${count} messages ${key}`);
  const readyKey = `notify:pickup-ready:${run.orderId}`;
  const readyExpected = run.outcome !== 'CANCELLED';
  if (readyExpected && !perKey.has(readyKey)) missing.push(`no pickup-ready message`);
  if (!readyExpected && perKey.has(readyKey)) duplicated.push(`a pickup-ready message for an order cancelled while picking`);
  return { orderId: run.orderId, duplicated, missing };
}
