import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { isoDateTime } from '../domain/validation/dates';
import { exactLinesTotal, lineQuantity, sequenceNumber, totalMinor, unitPriceMinor } from '../domain/validation/integers';
import { boundedText, emailAddress } from '../domain/validation/text';
import { channelOrderStatuses, currencySchema, skuSchema } from './wire-format';

/**
 * Order webhooks a channel sends to `POST /api/channels/:code/webhooks/orders`. Delivery is at least
 * once and may be out of order: `eventId` repeats on every redelivery (dedupe on it) and `sequence`
 * grows with every event of one order (ignore an event older than the one already applied).
 * The API validates bodies with this schema and checks `X-Signature` with verifyWebhookSignature.
 */
export const orderWebhookEventTypes = ['order.created', 'order.cancelled'] as const;

/** An order is one basket: more lines than this is a data error, not a customer. */
export const MAX_WEBHOOK_ORDER_LINES = 100;

/**
 * Every field is bounded by the column it lands in: ids and names by length (and free of NUL bytes),
 * quantities, prices and sequences by int4, the total by what a JavaScript number holds exactly.
 */
export const orderWebhookEventSchema = z.object({
  eventId: boundedText({ max: 200 }),
  type: z.enum(orderWebhookEventTypes),
  channelCode: boundedText({ max: 64 }),
  occurredAt: isoDateTime(),
  sequence: sequenceNumber(),
  order: z.object({
    externalId: boundedText({ max: 100 }),
    status: z.enum(channelOrderStatuses),
    currency: currencySchema,
    totalAmount: totalMinor(),
    customer: z.object({
      name: boundedText({ max: 200 }),
      email: emailAddress().nullable(),
      phone: boundedText({ min: 3, max: 64 }).nullable(),
    }),
    fulfilment: z.enum(['PICKUP', 'DELIVERY']),
    pickupStoreCode: boundedText({ max: 64 }).nullable(),
    lines: z
      .array(z.object({ lineId: boundedText({ max: 200 }), sku: skuSchema, quantity: lineQuantity(), unitPrice: unitPriceMinor() }))
      .min(1)
      .max(MAX_WEBHOOK_ORDER_LINES)
      .refine(
        (lines) => exactLinesTotal(lines.map((line) => ({ quantity: line.quantity, unitPriceMinor: line.unitPrice }))) !== null,
        'the lines add up to more than any order total can be',
      ),
    placedAt: isoDateTime(),
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
