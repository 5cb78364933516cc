import { z } from 'zod';
import { boundedText } from '../../../domain/validation/text';
import { OutageKind, OutageStatus } from '../../../prisma/client';
import { idFilterSchema, listQuerySchema } from '../../lists/list-query';
import { idSchema } from '../../openapi/common-schemas';

export const outageSchema = z
  .object({
    id: idSchema,
    kind: z.enum(OutageKind),
    channelId: idSchema.nullable(),
    storeId: idSchema.nullable(),
    status: z.enum(OutageStatus),
    cause: z.string(),
    source: z.string(),
    declaredByUserId: idSchema.nullable(),
    joinedCount: z.number().int(),
    measures: z.array(z.object({ measure: z.string(), since: z.string(), previous: z.unknown(), liftedAt: z.string().nullable() })),
    report: z.record(z.string(), z.object({ count: z.number().int(), valueMinor: z.number().int() })).nullable(),
    detectedAt: z.date(),
    resolvedAt: z.date().nullable(),
    workflowId: z.string().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
    measuresInForce: z.array(z.string()).meta({ description: 'The measures not lifted yet' }),
    review: z
      .object({ pending: z.number().int(), awaitingSecondApproval: z.number().int(), valueMinor: z.number().int() })
      .optional()
      .meta({ description: 'One outage only: what its review still waits for' }),
    approvals: z
      .array(
        z.object({
          discrepancyId: idSchema,
          class: z.string(),
          sku: z.string(),
          storeCode: z.string().nullable(),
          status: z.string(),
          decision: z.string().nullable(),
          correction: z.number().int(),
          valueMinor: z.number().int(),
          firstApprovedBy: z.string().nullable(),
          decidedBy: z.string().nullable(),
          decidedAt: z.date().nullable(),
        }),
      )
      .optional()
      .meta({ description: 'One outage only: who decided what (the report beside the counts per class)' }),
  })
  .meta({ id: 'Outage' });

export const declareOutageBodySchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('CHANNEL'), channelId: idSchema, cause: boundedText({ max: 500 }) }),
    z.strictObject({ kind: z.literal('STORE'), storeId: idSchema, cause: boundedText({ max: 500 }) }),
  ])
  .meta({ id: 'DeclareOutage' });

export const declaredOutageSchema = z.object({ outage: outageSchema, joined: z.boolean() }).meta({ id: 'DeclaredOutage' });

export const endOutageBodySchema = z.strictObject({ reason: boundedText({ max: 500 }) }).meta({ id: 'EndOutage' });

export const outageListQuerySchema = listQuerySchema({
  sortable: ['detectedAt', 'status'],
  defaultSort: { field: 'detectedAt', order: 'DESC' },
  filter: z.strictObject({
    id: idFilterSchema.optional(),
    storeId: idFilterSchema.optional(),
    channelId: idFilterSchema.optional(),
    status: z.enum(OutageStatus).optional(),
    open: z.boolean().optional(),
  }),
});
