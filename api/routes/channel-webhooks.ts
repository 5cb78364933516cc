import { webhookHeaders } from '../../channels/order-webhook';
import { InvalidDataError } from '../../domain/errors';
import { type PrismaClient } from '../../prisma/client';
import { type ApiRouter } from '../http/api-router';
import { applyChannelOrderEvent } from '../../db/intake/apply-channel-order-event';
import { type CustomerIntakeRules } from '../../db/intake/find-or-create-customer';
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
      "Answered as soon as the event is durably in the inbox: a new pickup order's workflow start and a cancellation for its run are",
      'written in the same transaction (workflow_starts) and sent to Temporal after the answer, retried until they arrive.',
    ].join(' '),
    tags: ['orders', 'channels'],
    access: 'public',
    request: { params: webhookParamsSchema, body: orderWebhookBodySchema },
    response: { status: 202, description: 'The event was recorded', schema: webhookReceiptSchema },
    otherResponses: [
      { status: 401, description: 'Missing or wrong signature; nothing was written' },
      { status: 404, description: 'No channel with this code' },
      { status: 503, description: 'Overloaded or the database is busy: nothing was written; redeliver after Retry-After' },
    ],
    handle: async ({ body, res }) => {
      const channel = verifiedWebhookChannel(res);
      if (body.channelCode !== channel.code)
        throw new InvalidDataError('The event is for another channel', { channelCode: `must be ${channel.code}, the channel in the URL` });

      const { outcome, order, start, signalled } = await applyChannelOrderEvent(prisma, channel, body, {
        ...customerRules,
        starts: fulfilment.policy,
      });
      // Committed: the event is in the inbox and whatever it promised (a run, a cancellation for the run)
      // is in the outbox. The channel gets its answer now; Temporal is told after it, and the relay
      // retries whatever that does not finish.
      if (start !== null) fulfilment.startInBackground(start);
      if (signalled !== null) fulfilment.deliverInBackground(signalled);
      return { status: outcome, orderId: order.id };
    },
  });
}
