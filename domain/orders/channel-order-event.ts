import { type z } from 'zod';
import { orderWebhookEventSchema } from '../../channels/order-webhook';
import { boundedText } from '../validation/text';

const sharedOrder = orderWebhookEventSchema.shape.order;

/**
 * The channel order webhook as intake reads it: the shared wire schema (channels/order-webhook.ts) plus
 * the buyer's account id that real marketplaces send along (optional: the sandbox does not), which
 * intake keeps as a CustomerChannelIdentity.
 */
export const channelOrderEventSchema = orderWebhookEventSchema.extend({
  order: sharedOrder.extend({
    customer: sharedOrder.shape.customer.extend({
      externalId: boundedText({ max: 200 }).optional().meta({ description: 'The buyer’s account id on the channel, when it has one' }),
    }),
  }),
});

export type ChannelOrderEvent = z.infer<typeof channelOrderEventSchema>;
