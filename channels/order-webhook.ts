import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { channelOrderStatuses, currencySchema, skuSchema } from './wire-format';

/**
 * Order webhooks a channel sends to `POST /api/channels/:code/webhooks/orders`. Delivery is at least
 * once and may be out of order: `eventId` repeats on every redelivery (dedupe on it) and `sequence`
 * grows with every event of one order (ignore an event older than the one already applied).
 * The API validates bodies with this schema and checks `X-Signature` with verifyWebhookSignature.
 */
export const orderWebhookEventTypes = ['order.created', 'order.cancelled'] as const;

export const orderWebhookEventSchema = z.object({
  eventId: z.string().min(1),
  type: z.enum(orderWebhookEventTypes),
  channelCode: z.string().min(1),
  occurredAt: z.iso.datetime(),
  sequence: z.number().int().min(1),
  order: z.object({
    externalId: z.string().min(1),
    status: z.enum(channelOrderStatuses),
    currency: currencySchema,
    totalAmount: z.number().int().min(0),
    customer: z.object({
      name: z.string().min(1),
      email: z.email().nullable(),
      phone: z.string().min(3).nullable(),
    }),
    fulfilment: z.enum(['PICKUP', 'DELIVERY']),
    pickupStoreCode: z.string().nullable(),
    lines: z
      .array(
        z.object({ lineId: z.string().min(1), sku: skuSchema, quantity: z.number().int().positive(), unitPrice: z.number().int().min(0) }),
      )
      .min(1),
    placedAt: z.iso.datetime(),
  }),
});
export type OrderWebhookEvent = z.infer<typeof orderWebhookEventSchema>;

export const webhookHeaders = {
  signature: 'X-Signature',
  eventId: 'X-Event-Id',
  deliveryAttempt: 'X-Delivery-Attempt',
} as const;

const signaturePrefix = 'sha256=';

/** `sha256=<hex HMAC-SHA256 of the raw body>` keyed with the channel's webhook secret. */
export function signWebhookBody(rawBody: string | Buffer, secret: string): string {
  return signaturePrefix + createHmac('sha256', secret).update(rawBody).digest('hex');
}

/**
 * Checks a signature header against the raw request body (never a re-serialised parse of it: key
 * order and whitespace would change the digest). Constant-time, so the check leaks nothing.
 */
export function verifyWebhookSignature(rawBody: string | Buffer, signatureHeader: string | undefined, secret: string): boolean {
  if (signatureHeader === undefined || !signatureHeader.startsWith(signaturePrefix)) return false;
  const expected = Buffer.from(signWebhookBody(rawBody, secret));
  const received = Buffer.from(signatureHeader);
  return expected.length === received.length && timingSafeEqual(expected, received);
}
