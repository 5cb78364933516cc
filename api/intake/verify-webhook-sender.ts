import { type RequestHandler, type Response } from 'express';
import { verifyWebhookSignature, webhookHeaders } from '../../channels/order-webhook';
import { NotFoundError, UnauthorizedError } from '../../domain/errors';
import { containsNul } from '../../domain/validation/text';
import { type PrismaClient } from '../../prisma/client';
import { MAX_CHANNEL_CODE_LENGTH } from '../routes/channel-webhooks.validators';
import { type WebhookChannel } from '../../db/intake/apply-channel-order-event';

const verifiedChannelKey = 'verifiedWebhookChannel';

function isPlausibleChannelCode(code: string): boolean {
  return code.length > 0 && code.length <= MAX_CHANNEL_CODE_LENGTH && !containsNul(code);
}

/**
 * Authenticates a channel webhook before anything else looks at it: the channel named in the URL must
 * exist, and `X-Signature` must be its HMAC over the raw body. Runs ahead of body validation, so an
 * unsigned caller learns nothing about our payload rules and nothing is ever written for it.
 */
export function verifyWebhookSender(prisma: PrismaClient): RequestHandler {
  return async (req, res, next) => {
    const code = req.params.code;
    // Checked before the lookup: a code no channel can have (a NUL byte, a megabyte) must not reach the database.
    const channel =
      typeof code !== 'string' || !isPlausibleChannelCode(code)
        ? null
        : await prisma.channel.findUnique({ where: { code }, select: { id: true, code: true, webhookSecret: true } });
    if (channel === null)
      throw new NotFoundError(`No channel ${typeof code === 'string' && isPlausibleChannelCode(code) ? code : 'with this code'}`);
    const signature = req.get(webhookHeaders.signature);
    if (req.rawBody === undefined || !verifyWebhookSignature(req.rawBody, signature, channel.webhookSecret)) {
      throw new UnauthorizedError(signature === undefined ? `Missing ${webhookHeaders.signature} header` : 'Invalid webhook signature');
    }
    const verified: WebhookChannel = { id: channel.id, code: channel.code };
    res.locals[verifiedChannelKey] = verified;
    next();
  };
}

/** The channel verifyWebhookSender authenticated for this request. */
export function verifiedWebhookChannel(res: Response): WebhookChannel {
  const channel = res.locals[verifiedChannelKey] as WebhookChannel | undefined;
  // Only reachable if a route forgot the middleware: refuse rather than trust an unsigned body.
  if (channel === undefined) throw new UnauthorizedError('Webhook sender not verified');
  return channel;
}
