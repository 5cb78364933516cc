import { webhookHeaders } from '../../channels/order-webhook';
import { InvalidDataError } from '../../domain/errors';
import { canBeCancelled, isCancellation, needsPickupWorkflow } from '../../domain/orders/intake-rules';
import { type PrismaClient } from '../../prisma/client';
import { type ApiRouter } from '../http/api-router';
import { applyChannelOrderEvent } from '../intake/apply-channel-order-event';
import { type CustomerIntakeRules } from '../intake/find-or-create-customer';
import { type OrderFulfilment } from '../intake/order-fulfilment';
import { verifiedWebhookChannel, verifyWebhookSender } from '../intake/verify-webhook-sender';
import { orderWebhookBodySchema, webhookParamsSchema, webhookReceiptSchema } from './channel-webhooks.validators';

export interface ChannelWebhookRouteDeps {
  prisma: PrismaClient;
  fulfilment: OrderFulfilment;
  customerRules: CustomerIntakeRules;
}

const orderWebhookPath = '/api/channels/:code/webhooks/orders';

export function registerChannelWebhookRoutes(api: ApiRouter, { prisma, fulfilment, customerRules }: ChannelWebhookRouteDeps): void {
  // Mounted as middleware (not a second route) ahead of the route's own validation: the signature is
  // checked before the body is looked at. `use` keeps it out of the route table the OpenAPI test compares.
  const verifySender = verifyWebhookSender(prisma);
  // `use` matches path prefixes: req.path is what follows the mounted path, '/' for the route itself.
  api.router.use(orderWebhookPath, (req, res, next) => (req.method === 'POST' && req.path === '/' ? verifySender(req, res, next) : next()));

  api.route({
    method: 'post',
    path: orderWebhookPath,
    summary: 'Receive an order event from a channel (signed webhook)',
    description: [
      `Authenticated by \`${webhookHeaders.signature}: sha256=<hex HMAC-SHA256 of the raw body>\` keyed with the channel's webhook secret;`,
      'nothing is written for an unsigned or wrongly signed request. Answered with **202 Accepted**.',
      'Idempotent per (channel, eventId) and per (channel, order externalId); events may arrive more than once and out of order.',
      'A new pickup order starts its pickup workflow; a cancellation is passed on to a running one.',
    ].join(' '),
    tags: ['orders', 'channels'],
    access: 'public',
    request: { params: webhookParamsSchema, body: orderWebhookBodySchema },
    response: { status: 202, description: 'The event was recorded', schema: webhookReceiptSchema },
    otherResponses: [
      { status: 401, description: 'Missing or wrong signature; nothing was written' },
      { status: 404, description: 'No channel with this code' },
      {
        status: 503,
        description: 'Recorded, but a running pickup workflow could not be told of the cancellation yet: redeliver',
        schema: webhookReceiptSchema,
      },
    ],
    handle: async ({ body, res, req }) => {
      const channel = verifiedWebhookChannel(res);
      if (body.channelCode !== channel.code)
        throw new InvalidDataError('The event is for another channel', { channelCode: `must be ${channel.code}, the channel in the URL` });

      const { outcome, order } = await applyChannelOrderEvent(prisma, channel, body, customerRules);
      if (outcome === 'stale') return { status: outcome, orderId: order.id };

      // After commit: a redelivery also retries whatever did not happen the first time.
      if (needsPickupWorkflow(order) && order.workflowId === null) await fulfilment.startPickup(order.id);
      if (isCancellation(body) && order.workflowId !== null && canBeCancelled(order.status)) {
        try {
          await fulfilment.signalCancelled(order.id, {
            reason: `Cancelled by the customer on ${channel.code}`,
            actor: { userId: null, label: `channel:${channel.code}` },
          });
        } catch (error) {
          req.log.error(
            { err: error, orderId: order.id },
            'cancellation recorded but the pickup workflow was not told; asking the channel to redeliver',
          );
          res.status(503);
          return {
            status: outcome,
            orderId: order.id,
            message: 'Recorded, but the pickup workflow could not be told yet; please redeliver',
          };
        }
      }
      return { status: outcome, orderId: order.id };
    },
  });
}
