import { type NotificationChannel, type Prisma } from '../../prisma/client';

export interface CustomerContact {
  customerId: string;
  channel: NotificationChannel;
  recipient: string;
}

/**
 * How to reach the order's customer: a phone number gets a message (WhatsApp when the order came from a
 * social catalogue, where the customer already chats with the shop; SMS otherwise), else e-mail. Null
 * when the order has no customer or no way to reach them.
 */
export async function customerContactOf(db: Prisma.TransactionClient, orderId: string): Promise<CustomerContact | null> {
  const order = await db.order.findUnique({ where: { id: orderId }, select: { customer: true, channel: { select: { kind: true } } } });
  const customer = order?.customer;
  if (!order || !customer) return null;
  if (customer.phone !== null)
    return { customerId: customer.id, channel: order.channel.kind === 'SOCIAL_CATALOG' ? 'WHATSAPP' : 'SMS', recipient: customer.phone };
  if (customer.email !== null) return { customerId: customer.id, channel: 'EMAIL', recipient: customer.email };
  return null;
}
