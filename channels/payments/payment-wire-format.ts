import { z } from 'zod';
import { currencySchema, minorUnitsSchema } from '../wire-format';

/**
 * The REST dialect of the payment provider (PSP) our own web store's checkout pays through: what the
 * sandbox's emulation answers (`/payments/v1/...`) and what the HTTP adapter parses. A real PSP gets an
 * adapter of its own that translates its API into channels/payments/payment-provider.ts.
 */

export const paymentStatuses = ['AUTHORIZED', 'CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED'] as const;
export type WirePaymentStatus = (typeof paymentStatuses)[number];

/** The merchant's reference of a payment: our web store's order number. */
export const merchantReferenceSchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,100}$/, 'reference must be 1-100 letters, digits, ".", "_", ":" or "-"');

export const createPaymentBodySchema = z
  .object({
    amount: minorUnitsSchema,
    currency: currencySchema,
    reference: merchantReferenceSchema,
    /** Capture at once (the web store's checkout does) or only authorize and capture later. */
    capture: z.boolean().default(true),
  })
  .strict();

export const captureBodySchema = z.object({ amount: minorUnitsSchema.optional() }).strict();

export const refundBodySchema = z
  .object({
    amount: minorUnitsSchema,
    currency: currencySchema,
    reason: z.string().max(500).optional(),
  })
  .strict();

export const providerRefundSchema = z.object({
  refundId: z.string(),
  paymentId: z.string(),
  reference: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  status: z.literal('SUCCEEDED'),
  idempotencyKey: z.string(),
  reason: z.string().nullable(),
  createdAt: z.string(),
});
export type WireProviderRefund = z.infer<typeof providerRefundSchema>;

export const providerPaymentSchema = z.object({
  paymentId: z.string(),
  reference: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  status: z.enum(paymentStatuses),
  capturedAmount: z.number().int(),
  refundedAmount: z.number().int(),
  refunds: z.array(providerRefundSchema),
  createdAt: z.string(),
});
export type WireProviderPayment = z.infer<typeof providerPaymentSchema>;

export const paymentListSchema = z.object({ payments: z.array(providerPaymentSchema) });
