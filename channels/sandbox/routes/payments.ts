import { setTimeout as sleep } from 'node:timers/promises';
import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { captureBodySchema, createPaymentBodySchema, merchantReferenceSchema, refundBodySchema } from '../../payments/payment-wire-format';
import { sendError } from '../channel-request';
import { injectFaultsOf } from '../fault-injection';
import { applyIdempotency } from '../idempotency';
import { paymentView } from '../payment-provider-world';
import { type SandboxContext } from '../sandbox-context';

const listQuerySchema = z.object({ reference: merchantReferenceSchema });

/** `Authorization: Bearer <provider key>`, as payment providers ask for. */
function requireProviderKey(context: SandboxContext): RequestHandler {
  return (req, res, next) => {
    const header = req.get('authorization') ?? '';
    if (!header.startsWith('Bearer ') || header.slice('Bearer '.length) !== context.payments.apiKey) {
      context.log.record('auth.refused', context.payments.code, { path: req.path });
      sendError(res, 401, 'UNAUTHORIZED', 'missing or wrong API key (Authorization: Bearer <key>)');
      return;
    }
    next();
  };
}

/** Money never moves on a write without a key: a retried request must not pay twice. */
const requireIdempotencyKey: RequestHandler = (req, res, next) => {
  if (req.method !== 'GET' && (req.get('idempotency-key') ?? '').trim() === '') {
    sendError(res, 400, 'IDEMPOTENCY_KEY_REQUIRED', 'every payment write needs an Idempotency-Key header');
    return;
  }
  next();
};

/**
 * The payment provider (`/payments/v1`): take a payment (authorize, capture), read it, find it by the
 * merchant's reference, and refund it, every write under an Idempotency-Key (a repeat answers the first
 * result, marked `Idempotent-Replayed`). Faults (outage, latency, 5xx, 429 storm, declined refunds, a
 * refund made but answered late) come from PUT /_control/payments/faults.
 */
export function paymentRoutes(context: SandboxContext): Router {
  const router = Router();
  const provider = context.payments;
  router.use(
    injectFaultsOf(context, () => provider),
    requireProviderKey(context),
    requireIdempotencyKey,
    applyIdempotency(context, () => provider.code),
  );

  router.post('/v1/payments', (req, res) => {
    const body = createPaymentBodySchema.parse(req.body);
    const payment = provider.create(body);
    context.log.record(body.capture ? 'payment.captured' : 'payment.authorized', provider.code, {
      paymentId: payment.paymentId,
      reference: payment.reference,
      amount: payment.amount,
    });
    res.status(201).json(paymentView(payment));
  });

  router.get('/v1/payments', (req, res) => {
    const { reference } = listQuerySchema.parse(req.query);
    res.json({ payments: provider.byReference(reference).map(paymentView) });
  });

  router.get('/v1/payments/:paymentId', (req, res) => {
    const payment = provider.payments.get(req.params.paymentId);
    if (!payment) return sendError(res, 404, 'PAYMENT_NOT_FOUND', `no payment ${req.params.paymentId}`);
    res.json(paymentView(payment));
  });

  router.post('/v1/payments/:paymentId/capture', (req, res) => {
    const body = captureBodySchema.parse(req.body ?? {});
    const payment = provider.payments.get(req.params.paymentId);
    if (!payment) return sendError(res, 404, 'PAYMENT_NOT_FOUND', `no payment ${req.params.paymentId}`);
    const amount = body.amount ?? payment.amount;
    if (payment.capturedAmount > 0) {
      if (payment.capturedAmount !== amount)
        return sendError(res, 422, 'ALREADY_CAPTURED', `payment ${payment.paymentId} was captured for ${payment.capturedAmount}`);
      res.json(paymentView(payment));
      return;
    }
    if (amount > payment.amount)
      return sendError(res, 422, 'CAPTURE_EXCEEDS_AUTHORIZATION', `at most ${payment.amount} was authorized on ${payment.paymentId}`);
    payment.capturedAmount = amount;
    context.log.record('payment.captured', provider.code, { paymentId: payment.paymentId, reference: payment.reference, amount });
    res.json(paymentView(payment));
  });

  router.post('/v1/payments/:paymentId/refunds', async (req, res) => {
    const body = refundBodySchema.parse(req.body);
    const key = req.get('idempotency-key') ?? '';
    const payment = provider.payments.get(req.params.paymentId);
    if (!payment) return sendError(res, 404, 'PAYMENT_NOT_FOUND', `no payment ${req.params.paymentId}`);
    const decision = provider.refund(payment, body, key);
    if (!decision.ok) {
      context.log.record('payment.refund_refused', provider.code, { paymentId: payment.paymentId, code: decision.code });
      return sendError(res, decision.status, decision.code, decision.message);
    }
    if (decision.replayed)
      context.log.record('payment.refund_replayed', provider.code, { refundId: decision.refund.refundId, idempotencyKey: key });
    else
      context.log.record('payment.refunded', provider.code, {
        paymentId: payment.paymentId,
        reference: payment.reference,
        refundId: decision.refund.refundId,
        amount: decision.refund.amount,
        idempotencyKey: key,
      });
    if (provider.faults.answerDelayMs > 0) {
      context.log.record('fault.answer_delay', provider.code, {
        refundId: decision.refund.refundId,
        delayMs: provider.faults.answerDelayMs,
      });
      await sleep(provider.faults.answerDelayMs);
    }
    if (res.destroyed) return;
    res.status(201).json(decision.refund);
  });

  return router;
}
