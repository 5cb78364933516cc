import { z } from 'zod';
import { isoDateTime } from '../../../domain/validation/dates';
import { boundedText } from '../../../domain/validation/text';
import { InventoryMovementKind } from '../../../prisma/client';
import { idFilterSchema, listQuerySchema } from '../../lists/list-query';
import { idSchema } from '../../openapi/common-schemas';

/** One row of the append-only stock ledger: who changed what, why, and by how much. */
export const inventoryMovementSchema = z
  .object({
    id: idSchema,
    storeId: idSchema,
    productId: idSchema,
    kind: z.enum(InventoryMovementKind),
    deltaOnHand: z.number().int(),
    deltaReserved: z.number().int(),
    reason: z.string(),
    actorUserId: idSchema.nullable(),
    actorLabel: z.string(),
    workflowId: z.string().nullable(),
    idempotencyKey: z.string().meta({ description: 'Business key of the change, e.g. reserve:<orderId>:<lineId>' }),
    createdAt: z.date(),
  })
  .meta({ id: 'InventoryMovement' });

export const inventoryMovementListQuerySchema = listQuerySchema({
  sortable: ['createdAt', 'kind'],
  defaultSort: { field: 'createdAt', order: 'DESC' },
  filter: z.strictObject({
    id: idFilterSchema.optional(),
    storeId: idFilterSchema.optional().meta({ description: 'One store id or a list (store staff: only their own)' }),
    productId: idFilterSchema.optional(),
    kind: z.enum(InventoryMovementKind).optional(),
    workflowId: boundedText({ max: 300 }).optional(),
    actorUserId: idSchema.optional(),
    createdAfter: isoDateTime().optional().meta({ description: 'ISO timestamp, inclusive' }),
    createdBefore: isoDateTime().optional().meta({ description: 'ISO timestamp, exclusive' }),
  }),
});
