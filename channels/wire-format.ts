import { z } from 'zod';

/**
 * The REST dialect of our channels' APIs: what the sandbox answers and what the HTTP adapter parses.
 * One definition so the emulation and the client cannot drift apart; a real marketplace gets its own
 * adapter that translates its dialect into the ChannelAdapter types instead.
 */

export const channelOrderStatuses = ['PLACED', 'ACCEPTED', 'READY_FOR_PICKUP', 'COLLECTED', 'SHIPPED', 'CANCELLED', 'RETURNED'] as const;
export type ChannelOrderStatus = (typeof channelOrderStatuses)[number];

export const skuSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'SKU must be 1-64 letters, digits, ".", "_" or "-"');
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code');
/** Money is integer minor units everywhere (cents for EUR). */
export const minorUnitsSchema = z.number().int().positive();

export const rowErrorSchema = z.object({ code: z.string(), message: z.string() });
export const rowResultSchema = z.discriminatedUnion('ok', [
  z.object({ index: z.number().int().min(0), sku: z.string(), ok: z.literal(true) }),
  z.object({ index: z.number().int().min(0), sku: z.string(), ok: z.literal(false), error: rowErrorSchema }),
]);
export type WireRowResult = z.infer<typeof rowResultSchema>;

export const batchResultSchema = z.object({ results: z.array(rowResultSchema) });
export type WireBatchResult = z.infer<typeof batchResultSchema>;

export const jobStatuses = ['QUEUED', 'RUNNING', 'SUCCEEDED'] as const;
export const jobAcceptedSchema = z.object({ jobId: z.string(), status: z.enum(jobStatuses) });
export const jobStateSchema = z.object({
  jobId: z.string(),
  kind: z.enum(['prices', 'stock', 'listing-status']),
  status: z.enum(jobStatuses),
  results: z.array(rowResultSchema).nullable(),
});
export type WireJobState = z.infer<typeof jobStateSchema>;

export const listingSchema = z.object({
  sku: z.string(),
  price: z.number().int().nullable(),
  currency: z.string(),
  stock: z.number().int().nullable(),
  open: z.boolean(),
  updatedAt: z.string(),
});
export type WireListing = z.infer<typeof listingSchema>;
export const readBackSchema = z.object({ listings: z.array(listingSchema), missing: z.array(z.string()) });
export type WireReadBack = z.infer<typeof readBackSchema>;

export const refundSchema = z.object({
  refundId: z.string(),
  externalOrderId: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  status: z.literal('SUCCEEDED'),
  createdAt: z.string(),
});
export type WireRefund = z.infer<typeof refundSchema>;

export const orderStatusSchema = z.object({ externalOrderId: z.string(), status: z.enum(channelOrderStatuses) });

/** A return as the channel shows it on the order: asked for, received at a store, refunded, or not taken. */
export const channelReturnStatuses = ['REQUESTED', 'RECEIVED', 'REFUNDED', 'REJECTED', 'CANCELLED'] as const;
export type ChannelReturnStatus = (typeof channelReturnStatuses)[number];

export const channelReturnBodySchema = z
  .object({
    status: z.enum(channelReturnStatuses),
    lines: z
      .array(z.object({ sku: skuSchema, quantity: z.number().int().positive() }).strict())
      .min(1)
      .max(100),
    refundedAmount: z.number().int().min(0),
    currency: currencySchema,
  })
  .strict();

export const channelReturnSchema = z.object({
  returnRef: z.string(),
  externalOrderId: z.string(),
  status: z.enum(channelReturnStatuses),
  lines: z.array(z.object({ sku: z.string(), quantity: z.number().int() })),
  refundedAmount: z.number().int(),
  currency: z.string(),
  updatedAt: z.string(),
});
export type WireChannelReturn = z.infer<typeof channelReturnSchema>;

export const errorBodySchema = z.object({ error: z.string(), message: z.string() });
export type WireErrorBody = z.infer<typeof errorBodySchema>;
