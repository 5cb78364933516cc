import { z } from 'zod';
import { isoDateTime } from '../domain/validation/dates';
import { lineQuantity } from '../domain/validation/integers';
import { boundedText } from '../domain/validation/text';
import { MAX_WEBHOOK_ORDER_LINES } from './order-webhook';
import { skuSchema } from './wire-format';

/**
 * Return webhooks a channel sends to `POST /api/channels/:code/webhooks/returns`, signed like its order
 * webhooks (`X-Signature`, channels/order-webhook.ts). `return.requested`: the customer started a return
 * on the channel for some units of an order's lines and will bring them to a store of their choice.
 * Delivered at least once: `return.returnRef` (the channel's id of the return) makes a repeat a no-op.
 */
export const returnWebhookEventTypes = ['return.requested'] as const;

export const returnWebhookEventSchema = z.strictObject({
  eventId: boundedText({ max: 200 }),
  type: z.enum(returnWebhookEventTypes),
  channelCode: boundedText({ max: 64 }),
  occurredAt: isoDateTime(),
  return: z.strictObject({
    returnRef: z
      .string()
      .regex(/^[A-Za-z0-9._:-]{1,100}$/, 'must be 1-100 letters, digits, ".", "_", ":" or "-"')
      .meta({ description: 'The channel’s own id of the return' }),
    externalOrderId: boundedText({ max: 100 }),
    lines: z
      .array(z.strictObject({ lineId: boundedText({ max: 200 }), sku: skuSchema, quantity: lineQuantity() }))
      .min(1)
      .max(MAX_WEBHOOK_ORDER_LINES),
    reason: boundedText({ max: 500 }),
  }),
});
export type ReturnWebhookEvent = z.infer<typeof returnWebhookEventSchema>;
