import { Router, type RequestHandler } from 'express';
import { ZodError } from 'zod';
import { RECIPIENT_REJECTED, sendMessageBodySchema } from '../../../message-gateway/message-wire-format';
import { sendError } from '../channel-request';
import { injectFaultsOf } from '../fault-injection';
import { applyIdempotency } from '../idempotency';
import { type SandboxContext } from '../sandbox-context';

/** `Authorization: Bearer <gateway key>`, as messaging providers ask for. */
function requireGatewayKey(context: SandboxContext): RequestHandler {
  return (req, res, next) => {
    const header = req.get('authorization') ?? '';
    if (!header.startsWith('Bearer ') || header.slice('Bearer '.length) !== context.gateway.apiKey) {
      context.log.record('auth.refused', context.gateway.code, { path: req.path });
      sendError(res, 401, 'UNAUTHORIZED', 'missing or wrong API key (Authorization: Bearer <key>)');
      return;
    }
    next();
  };
}

/** A provider must never send twice what a retry sends again, so every message names its key. */
const requireIdempotencyKey: RequestHandler = (req, res, next) => {
  if ((req.get('idempotency-key') ?? '').trim() === '') {
    sendError(res, 400, 'IDEMPOTENCY_KEY_REQUIRED', 'every message needs an Idempotency-Key header');
    return;
  }
  next();
};

/**
 * The message gateway (`/gateway`): `POST /messages` delivers one SMS, WhatsApp message or e-mail.
 * Faults (outage, latency, error rate, 429 storm) come from PUT /_control/gateway/faults. A recipient
 * that is not a phone number (SMS, WhatsApp) or an e-mail address, or that the control API marked
 * unreachable, is refused with 422 RECIPIENT_REJECTED.
 */
export function gatewayRoutes(context: SandboxContext): Router {
  const router = Router();
  router.post(
    '/messages',
    injectFaultsOf(context, () => context.gateway),
    requireGatewayKey(context),
    requireIdempotencyKey,
    applyIdempotency(context, () => context.gateway.code),
    (req, res) => {
      const parsed = sendMessageBodySchema.safeParse(req.body);
      if (!parsed.success) {
        const recipientIssue = parsed.error.issues.find((issue) => issue.path[0] === 'recipient');
        if (recipientIssue !== undefined) {
          context.log.record('message.rejected', context.gateway.code, { reason: recipientIssue.message });
          sendError(res, 422, RECIPIENT_REJECTED, `recipient refused: ${recipientIssue.message}`);
          return;
        }
        throw new ZodError(parsed.error.issues);
      }
      if (context.gateway.unreachableRecipients.has(parsed.data.recipient)) {
        context.log.record('message.rejected', context.gateway.code, { reason: 'unreachable' });
        sendError(res, 422, RECIPIENT_REJECTED, 'recipient refused: unreachable (not a mobile number, opted out or bouncing)');
        return;
      }
      // Kept with the message as well as in the idempotency store, so a resend after a restart is not delivered twice.
      const key = req.get('idempotency-key') ?? '';
      const earlier = context.gateway.deliveredUnder(key);
      if (earlier !== undefined) {
        context.log.record('message.replayed', context.gateway.code, { messageId: earlier.messageId });
        res
          .status(201)
          .set('Idempotent-Replayed', 'true')
          .json({ messageId: earlier.messageId, channel: earlier.channel, recipient: earlier.recipient, acceptedAt: earlier.acceptedAt });
        return;
      }
      const message = context.gateway.deliver(parsed.data, key);
      context.log.record('message.delivered', context.gateway.code, { messageId: message.messageId, channel: message.channel });
      res
        .status(201)
        .json({ messageId: message.messageId, channel: message.channel, recipient: message.recipient, acceptedAt: message.acceptedAt });
    },
  );
  return router;
}
