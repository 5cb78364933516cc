import { z } from 'zod';
import { boundedText } from '../../domain/validation/text';
import { channelOrderEventSchema } from '../../domain/orders/channel-order-event';
import { idSchema } from '../openapi/common-schemas';

/** Channel codes are short slugs (`megamart`); the channels table holds nothing longer. */
export const MAX_CHANNEL_CODE_LENGTH = 64;

export const webhookParamsSchema = z.object({
  code: boundedText({ max: MAX_CHANNEL_CODE_LENGTH, trim: false }).meta({ description: 'Channel code, e.g. megamart' }),
});

export const orderWebhookBodySchema = channelOrderEventSchema.meta({
  id: 'ChannelOrderEvent',
  example: {
    eventId: 'evt_3f1c2a9e-5d7b-4c1e-9a55-8f1f3c7a2d10',
    type: 'order.created',
    channelCode: 'megamart',
    occurredAt: '2026-12-01T10:15:00.000Z',
    sequence: 1,
    order: {
      externalId: 'MEGAMART-4F2A91C0',
      status: 'PLACED',
      currency: 'EUR',
      totalAmount: 2499,
      customer: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+31612345678', externalId: 'buyer-1815' },
      fulfilment: 'PICKUP',
      pickupStoreCode: 'AMS-01',
      lines: [{ lineId: 'MEGAMART-4F2A91C0-1', sku: 'APP-TSH-BLK', quantity: 1, unitPrice: 2499 }],
      placedAt: '2026-12-01T10:14:58.000Z',
    },
  },
});

export const webhookReceiptSchema = z
  .object({
    status: z.enum(['applied', 'duplicate', 'stale']).meta({
      description:
        'applied: changed the order (or created it); duplicate: this event id was seen before; stale: older than what the order already reflects, recorded only',
    }),
    orderId: idSchema,
  })
  .meta({ id: 'WebhookReceipt' });
