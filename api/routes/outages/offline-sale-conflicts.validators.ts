import { z } from 'zod';
import { boundedText } from '../../../domain/validation/text';
import { idFilterSchema, listQuerySchema } from '../../lists/list-query';
import { idSchema } from '../../openapi/common-schemas';

export const conflictDecisions = ['KEEP_JOURNAL', 'TAKE_INCOMING'] as const;

const saleVersionSchema = z.object({
  soldAt: z.string().meta({ description: 'ISO time of the sale (the incoming text as it arrived when it does not parse)' }),
  currency: z.string(),
  totalMinor: z.number().int(),
  lines: z.array(
    z.object({ sku: z.string(), productName: z.string().nullable(), quantity: z.number().int(), unitPriceMinor: z.number().int() }),
  ),
});

export const offlineSaleConflictSchema = z
  .object({
    id: idSchema,
    offlineSaleId: idSchema,
    storeId: idSchema,
    storeCode: z.string(),
    outageId: idSchema.nullable().meta({ description: "The outage the journal's receipt joined, if any" }),
    receiptNumber: z.string(),
    source: z.string().meta({ description: 'How the incoming version arrived (api, or csv:<file name>)' }),
    status: z.enum(['OPEN', 'DECIDED']),
    decision: z.enum(conflictDecisions).nullable(),
    decisionReason: z.string().nullable(),
    decidedBy: z.object({ id: idSchema, email: z.string() }).nullable(),
    decidedAt: z.date().nullable(),
    appliedToStockAt: z
      .date()
      .nullable()
      .meta({ description: 'When a reconciliation applied the receipt (then it is too late to take another version)' }),
    createdAt: z.date(),
    journal: saleVersionSchema.meta({ description: 'The receipt as the journal has it' }),
    incoming: saleVersionSchema.meta({ description: 'The receipt as it was imported again' }),
  })
  .meta({ id: 'OfflineSaleConflict' });

export const offlineSaleConflictListQuerySchema = listQuerySchema({
  sortable: ['createdAt'],
  defaultSort: { field: 'createdAt', order: 'DESC' },
  filter: z.strictObject({
    id: idFilterSchema.optional(),
    storeId: idSchema.optional(),
    outageId: idSchema.optional(),
    status: z.enum(['OPEN', 'DECIDED']).optional(),
    receiptNumber: z.string().trim().min(1).max(64).optional(),
  }),
});

export const conflictDecisionBodySchema = z
  .strictObject({
    decision: z.enum(conflictDecisions),
    reason: boundedText({ max: 500 }),
  })
  .meta({ id: 'OfflineSaleConflictDecision' });
