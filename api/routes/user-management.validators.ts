import { z } from 'zod';
import { roles } from '../../domain/auth/roles';
import { boundedText } from '../../domain/validation/text';
import { idSchema } from '../openapi/common-schemas';

/** Long enough that guessing is not a plan; the admin hands it over and the person changes it. */
export const MIN_PASSWORD_LENGTH = 12;
const password = boundedText({ min: MIN_PASSWORD_LENGTH, max: 200, trim: false });

const placement = {
  role: z.enum(roles),
  /** Store staff work in exactly one store; head office roles in none. */
  storeId: idSchema.nullable(),
  isStoreManager: z.boolean(),
};

export const createUserBodySchema = z
  .strictObject({ email: z.email().max(254), name: boundedText({ max: 200 }), password, ...placement })
  .meta({ id: 'CreateUser' });

export const updateUserBodySchema = z
  .strictObject({
    name: boundedText({ max: 200 }).optional(),
    role: placement.role.optional(),
    storeId: placement.storeId.optional(),
    isStoreManager: placement.isStoreManager.optional(),
    active: z.boolean().optional(),
  })
  .meta({ id: 'UpdateUser' });

export const resetPasswordBodySchema = z.strictObject({ password }).meta({ id: 'ResetPassword' });
