import { z } from 'zod';
import { isoDateTime } from '../../domain/validation/dates';
import { boundedText } from '../../domain/validation/text';
import { booleanFilterSchema, idFilterSchema, listQuerySchema } from '../lists/list-query';
import { idSchema } from '../openapi/common-schemas';

export const auditEventSchema = z
  .object({
    id: idSchema,
    actorUserId: idSchema.nullable(),
    actorLabel: z.string().meta({ description: 'Email of the person, or e.g. system:stock-sync' }),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown().meta({ description: 'Changed fields before the change (null for creations and logins)' }),
    after: z.unknown().meta({ description: 'Changed fields after the change' }),
    workflowId: z.string().nullable(),
    requestId: z.string().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'AuditEvent' });

export const auditEventListQuerySchema = listQuerySchema({
  sortable: ['createdAt', 'action', 'entityType', 'actorLabel'],
  defaultSort: { field: 'createdAt', order: 'DESC' },
  filter: z.strictObject({
    id: idFilterSchema.optional(),
    action: boundedText({ max: 100 }).optional(),
    entityType: boundedText({ max: 100 }).optional(),
    entityId: boundedText({ max: 200 }).optional(),
    actorUserId: idSchema.optional(),
    workflowId: boundedText({ max: 300 }).optional(),
    requestId: boundedText({ max: 128 }).optional(),
    createdAfter: isoDateTime().optional().meta({ description: 'ISO timestamp, inclusive' }),
    createdBefore: isoDateTime().optional().meta({ description: 'ISO timestamp, exclusive' }),
    hideSignIns: booleanFilterSchema.optional().meta({ description: 'true: leave out `auth.login` events (most of the log)' }),
  }),
});
