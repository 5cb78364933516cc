import { z } from 'zod';
import { channelFaultsSchema, noFaults } from './channel-faults';

/**
 * What the payment provider can be told to do wrong through PUT /_control/payments/faults: every fault a
 * channel has (outage "refuse" / "503", latencyMs, errorRate, rateLimitStorm) plus
 * - declineRefunds: every refund is refused with 422 REFUND_DECLINED (the acquirer said no: a closed
 *   card, a chargeback in progress), so our side must hand it to a person;
 * - answerDelayMs: the refund is made, then the answer is held this long (a slow or lost answer after
 *   the money moved: the case an idempotency key exists for).
 */
export const paymentFaultsSchema = channelFaultsSchema.extend({
  declineRefunds: z.boolean(),
  answerDelayMs: z.number().int().min(0).max(120_000),
});
export type PaymentFaults = z.infer<typeof paymentFaultsSchema>;

export const paymentFaultsPatchSchema = paymentFaultsSchema.partial().strict();

export const noPaymentFaults: PaymentFaults = { ...noFaults, declineRefunds: false, answerDelayMs: 0 };
