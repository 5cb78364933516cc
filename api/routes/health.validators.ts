import { z } from 'zod';

export const livenessSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Liveness' });

const dependencyStatusSchema = z.object({
  status: z.enum(['up', 'down']),
  latencyMs: z.number().int(),
  error: z.string().optional(),
});

export const readinessSchema = z
  .object({
    status: z.enum(['ready', 'not_ready']),
    message: z.string(),
    dependencies: z.object({ database: dependencyStatusSchema, temporal: dependencyStatusSchema }),
  })
  .meta({ id: 'Readiness' });
