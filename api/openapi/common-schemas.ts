import { z } from 'zod';

/** Every error answer has this shape, so react-admin can show `message` and put `errors` next to fields. */
export const errorBodySchema = z
  .object({
    message: z.string(),
    errors: z.record(z.string(), z.string()).optional().meta({ description: 'Field path to message, for 400 answers' }),
  })
  .meta({ id: 'ErrorBody' });

/** Records are keyed by UUIDs. */
export const idSchema = z.uuid('must be a UUID');

export const idParamsSchema = z.object({
  id: idSchema.meta({ description: 'Record id', example: '0b5e3c1e-6c2f-4f7e-9a55-8f1f3c7a2d10' }),
});
