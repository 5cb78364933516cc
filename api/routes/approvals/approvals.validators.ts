import { z } from 'zod';
import { approverLevels } from '../../../domain/approvals/approval-rules';
import { boundedText } from '../../../domain/validation/text';
import { ApprovalStatus } from '../../../prisma/client';
import { booleanFilterSchema, idFilterSchema, listQuerySchema } from '../../lists/list-query';
import { idSchema } from '../../openapi/common-schemas';

const fieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const approvalSchema = z
  .object({
    id: idSchema,
    subjectType: z.string(),
    subjectId: idSchema,
    subjectVersion: z.number().int(),
    subjectSnapshot: z.record(z.string(), fieldValue),
    summary: z.string(),
    requestedByUserId: idSchema,
    requiredLevel: z.enum(approverLevels),
    storeId: idSchema.nullable(),
    amountMinor: z.number().int(),
    valueLimitMinor: z.number().int().nullable(),
    currency: z.string(),
    status: z.enum(ApprovalStatus),
    decidedByUserId: idSchema.nullable(),
    decidedAt: z.date().nullable(),
    decidedVersion: z.number().int().nullable(),
    reason: z.string().nullable(),
    /** A WITHDRAWN request: who cancelled its subject, and when (no decision was taken). */
    withdrawnByUserId: idSchema.nullable(),
    withdrawnAt: z.date().nullable(),
    workflowId: z.string().nullable(),
    slaDueAt: z.date(),
    escalatedAt: z.date().nullable(),
    createdAt: z.date(),
    /** Whether the caller may approve or reject it now (four-eyes, level, store). */
    canDecide: z.boolean(),
  })
  .meta({ id: 'Approval' });

export const approvalDetailSchema = approvalSchema
  .extend({
    /** The subject as it is now. */
    subjectNow: z.object({ version: z.number().int(), summary: z.string(), fields: z.record(z.string(), fieldValue) }).nullable(),
    /** What changed since the request, field by field. */
    diff: z.array(z.object({ field: z.string(), before: fieldValue, after: fieldValue })),
    /** Why the caller may not decide, when they may not. */
    refusal: z.string().nullable(),
  })
  .meta({ id: 'ApprovalDetail' });

export const approvalListQuerySchema = listQuerySchema({
  sortable: ['createdAt', 'slaDueAt', 'status', 'amountMinor'],
  defaultSort: { field: 'slaDueAt', order: 'ASC' },
  filter: z.strictObject({
    id: idFilterSchema.optional(),
    status: z
      .union([z.enum(ApprovalStatus), z.array(z.enum(ApprovalStatus)).max(5)])
      .transform((value) => (Array.isArray(value) ? value : [value]))
      .optional(),
    /** Only pending requests the caller may decide (not theirs, not edited by them, within their level and store). */
    mine: booleanFilterSchema.optional(),
    subjectType: boundedText({ max: 64 }).optional(),
    subjectId: idSchema.optional(),
  }),
});

export const approveBodySchema = z.strictObject({ reason: boundedText({ max: 500 }).optional() }).meta({ id: 'ApproveBody' });
export const rejectBodySchema = z.strictObject({ reason: boundedText({ max: 500 }) }).meta({ id: 'RejectBody' });
