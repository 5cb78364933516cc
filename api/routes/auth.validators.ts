import { z } from 'zod';
import { boundedText } from '../../domain/validation/text';
import { roles } from '../../domain/auth/roles';
import { idSchema } from '../openapi/common-schemas';

export const loginBodySchema = z
  .object({
    // Emails are stored lower-case; accept what people type (case, stray spaces) before checking the format.
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(254)
      .pipe(z.email('must be an email address'))
      .meta({ format: 'email', example: 'admin@omni.example' }),
    password: boundedText({ max: 1024, trim: false }),
  })
  .meta({ id: 'LoginRequest' });

export const currentUserSchema = z
  .object({
    id: idSchema,
    email: z.string(),
    name: z.string(),
    role: z.enum(roles),
    storeId: idSchema.nullable(),
    storeCode: z.string().nullable(),
    isStoreManager: z.boolean(),
  })
  .meta({ id: 'CurrentUser' });

export const loginResponseSchema = z
  .object({
    token: z.string().meta({ description: 'Send as `Authorization: Bearer <token>`' }),
    expiresAt: z.date(),
    user: currentUserSchema,
  })
  .meta({ id: 'LoginResponse' });

export const logoutResponseSchema = z.object({ revoked: z.literal(true) }).meta({ id: 'LogoutResponse' });
