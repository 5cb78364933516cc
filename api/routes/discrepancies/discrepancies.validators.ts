import { z } from 'zod';
import { discrepancyClasses, type DiscrepancyClass } from '../../../domain/outages/reconciliation-rules';
import { boundedText } from '../../../domain/validation/text';
import { int4 } from '../../../domain/validation/integers';
import { idFilterSchema, listQuerySchema } from '../../lists/list-query';
import { idSchema } from '../../openapi/common-schemas';

const classSchema = z.enum(discrepancyClasses as [DiscrepancyClass, ...DiscrepancyClass[]]);
export const discrepancyStatuses = ['PENDING', 'AUTO_FIXED', 'APPROVED', 'REJECTED', 'AWAITING_SECOND_APPROVAL', 'APPLIED'] as const;
const personSchema = z.object({ id: idSchema, email: z.string() }).nullable();
const moneyFilter = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const discrepancySchema = z
  .object({
    id: idSchema,
    outageId: idSchema,
    reconciliationId: idSchema,
    class: classSchema,
    storeId: idSchema.nullable(),
    storeCode: z.string().nullable(),
    channelId: idSchema.nullable(),
    channelCode: z.string().nullable(),
    productId: idSchema,
    sku: z.string(),
    productName: z.string(),
    journalQty: z.number().int().nullable().meta({ description: 'Units in the offline journal' }),
    systemQty: z.number().int().nullable().meta({ description: 'Units on hand in our system when the diff ran' }),
    channelQty: z.number().int().nullable().meta({ description: 'Units the channel showed (read-back) or the store counted' }),
    priceInSystemMinor: z.number().int().nullable(),
    priceOnChannelMinor: z.number().int().nullable(),
    proposedDelta: z.number().int().meta({ description: 'The correction the diff proposed, in units on hand' }),
    correctedDelta: z.number().int().nullable().meta({ description: 'The correction as a reviewer edited it' }),
    correction: z.number().int().meta({ description: 'The correction in force: edited or proposed' }),
    valueMinor: z.number().int(),
    currency: z.string(),
    status: z.enum(discrepancyStatuses),
    requiresFourEyes: z.boolean(),
    decision: z.string().nullable(),
    decisionStoreId: idSchema.nullable(),
    decisionReason: z.string().nullable(),
    orderId: idSchema.nullable(),
    firstApprovedBy: personSchema,
    firstApprovedAt: z.date().nullable(),
    decidedBy: personSchema,
    decidedAt: z.date().nullable(),
    appliedAt: z.date().nullable(),
    note: z.string().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'Discrepancy' });

export const discrepancyListQuerySchema = listQuerySchema({
  sortable: ['createdAt', 'valueMinor', 'class', 'status'],
  defaultSort: { field: 'valueMinor', order: 'DESC' },
  filter: z.strictObject({
    id: idFilterSchema.optional(),
    outageId: idSchema.optional(),
    class: classSchema.optional(),
    storeId: idSchema.optional(),
    sku: z.string().trim().min(1).max(64).optional(),
    minValueMinor: moneyFilter.optional(),
    status: z.union([z.enum(discrepancyStatuses), z.array(z.enum(discrepancyStatuses)).min(1).max(6)]).optional(),
  }),
});

const reason = boundedText({ max: 500 });

export const discrepancyDecisionBodySchema = z
  .discriminatedUnion('decision', [
    z.strictObject({
      decision: z.literal('APPROVE'),
      correctedDelta: int4({ min: -1_000_000, max: 1_000_000 }).optional(),
      reason: reason.optional(),
    }),
    z.strictObject({ decision: z.literal('REJECT'), reason: reason.optional() }),
    z.strictObject({ decision: z.literal('FULFIL_FROM_STORE'), storeId: idSchema }),
    z.strictObject({ decision: z.literal('CANCEL_AND_REFUND'), reason }),
  ])
  .meta({ id: 'DiscrepancyDecision' });

export const bulkDecisionBodySchema = z
  .strictObject({
    filter: z.strictObject({
      outageId: idSchema,
      class: classSchema.optional(),
      storeId: idSchema.optional(),
      sku: z.string().trim().min(1).max(64).optional(),
      maxValueMinor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    }),
    decision: z.enum(['APPROVE', 'REJECT']),
    reason: reason.optional(),
  })
  .meta({ id: 'BulkDiscrepancyDecision' });

const reviewSchema = z.object({ pending: z.number().int(), valueMinor: z.number().int(), settled: z.boolean() });

export const decidedDiscrepancySchema = z
  .object({ discrepancy: discrepancySchema, review: reviewSchema })
  .meta({ id: 'DecidedDiscrepancy' });

export const bulkDecisionResultSchema = z
  .object({ decided: z.number().int(), needSecondApproval: z.number().int(), skipped: z.number().int(), review: reviewSchema })
  .meta({ id: 'BulkDiscrepancyDecisionResult' });
