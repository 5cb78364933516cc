import { z } from 'zod';
import { channelOrderEventSchema } from '../../domain/orders/channel-order-event';
import { idSchema } from '../openapi/common-schemas';

export const webhookParamsSchema = z.object({ code: z.string().min(1).max(64).meta({ description: 'Channel code, e.g. megamart' }) });

export const orderWebhookBodySchema = channelOrderEventSchema.meta({ id: 'ChannelOrderEvent' });

export const webhookReceiptSchema = z
  .object({
    status: z.enum(['applied', 'duplicate', 'stale']).meta({
      description:
        'applied: changed the order (or created it); duplicate: this event id was seen before; stale: older than what the order already reflects, recorded only',
    }),
    orderId: idSchema,
    message: z.string().optional(),
  })
  .meta({ id: 'WebhookReceipt' });
