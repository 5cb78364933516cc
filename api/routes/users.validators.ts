import { z } from 'zod';
import { boundedText } from '../../domain/validation/text';
import { roles } from '../../domain/auth/roles';
import { booleanFilterSchema, idFilterSchema, listQuerySchema } from '../lists/list-query';
import { idSchema } from '../openapi/common-schemas';

/** A user as the API shows it: never with the password hash. */
export const userSchema = z
  .object({
    id: idSchema,
    email: z.email(),
    name: z.string(),
    role: z.enum(roles),
    storeId: idSchema.nullable(),
    isStoreManager: z.boolean(),
    active: z.boolean(),
    lastLoginAt: z.date().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'User' });

export const userNameSchema = z
  .object({ id: idSchema, email: z.email(), name: z.string(), storeId: idSchema.nullable(), active: z.boolean() })
  .meta({ id: 'UserName' });

export const userListQuerySchema = listQuerySchema({
  sortable: ['email', 'name', 'role', 'lastLoginAt', 'createdAt'],
  defaultSort: { field: 'email', order: 'ASC' },
  filter: z.strictObject({
    id: idFilterSchema.optional(),
    q: boundedText({ max: 100 }).optional().meta({ description: 'Matches email or name' }),
    role: z.enum(roles).optional(),
    storeId: idSchema.optional(),
    active: booleanFilterSchema.optional(),
  }),
});
