import { z } from 'zod';
import { boundedText } from '../../domain/validation/text';
import { channelOrderEventSchema } from '../../domain/orders/channel-order-event';
import { idSchema } from '../openapi/common-schemas';

/** Channel codes are short slugs (`megamart`); the channels table holds nothing longer. */
export const MAX_CHANNEL_CODE_LENGTH = 64;

export const webhookParamsSchema = z.object({
  code: boundedText({ max: MAX_CHANNEL_CODE_LENGTH, trim: false }).meta({ description: 'Channel code, e.g. megamart' }),
});

export const orderWebhookBodySchema = channelOrderEventSchema.meta({ id: 'ChannelOrderEvent' });

export const webhookReceiptSchema = z
  .object({
    status: z.enum(['applied', 'duplicate', 'stale']).meta({
      description:
        'applied: changed the order (or created it); duplicate: this event id was seen before; stale: older than what the order already reflects, recorded only',
    }),
    orderId: idSchema,
  })
  .meta({ id: 'WebhookReceipt' });
