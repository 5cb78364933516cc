import { Router } from 'express';
import { z } from 'zod';
import { paymentView } from '../payment-provider-world';
import { noPaymentFaults, paymentFaultsPatchSchema } from '../payment-faults';
import { type SandboxContext } from '../sandbox-context';

const refundLogQuerySchema = z.object({
  reference: z.string().min(1).optional(),
  paymentId: z.string().min(1).optional(),
  idempotencyKey: z.string().min(1).optional(),
});

/**
 * The operator's handle on the payment provider (`/_control/payments`): its faults, every payment and
 * the refund log (what was really paid back, by reference, payment or key). Unauthenticated like the
 * rest of /_control.
 */
export function paymentControlRoutes(context: SandboxContext): Router {
  const router = Router();
  const provider = context.payments;

  router.get('/', (_req, res) => {
    res.json({ faults: provider.faults, payments: [...provider.payments.values()].map(paymentView) });
  });

  router.get('/refunds', (req, res) => {
    res.json({ refunds: provider.refundLog(refundLogQuerySchema.parse(req.query)) });
  });

  router.put('/faults', (req, res) => {
    provider.faults = { ...provider.faults, ...paymentFaultsPatchSchema.parse(req.body) };
    context.log.record('control.faults', provider.code, { faults: provider.faults });
    res.json(provider.faults);
  });

  router.delete('/faults', (_req, res) => {
    provider.faults = { ...noPaymentFaults };
    context.log.record('control.faults', provider.code, { faults: provider.faults });
    res.json(provider.faults);
  });

  return router;
}
