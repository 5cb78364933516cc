import { z } from 'zod';
import { offlineSaleSchema } from '../../../domain/outages/offline-sale';

/** One sale, or a batch whose rows are checked one by one (a bad row is its own error, the rest are kept). */
export const offlineSalesBodySchema = z.union([
  offlineSaleSchema,
  z.strictObject({ sales: z.array(z.record(z.string(), z.unknown())).min(1).max(10_000) }),
]);

export const offlineSaleRowResultSchema = z.object({
  row: z.number().int(),
  receiptNumber: z.string().nullable(),
  outcome: z.enum(['CREATED', 'UNCHANGED', 'CONFLICT', 'ERROR']),
  error: z.string().optional(),
  conflictId: z
    .uuid()
    .optional()
    .meta({ description: 'A CONFLICT: the conflict to compare and decide (GET /api/offline-sale-conflicts/:id)' }),
});

export const offlineSalesResultSchema = z.object({
  created: z.number().int(),
  unchanged: z.number().int(),
  conflicts: z.number().int(),
  errors: z.number().int(),
  /** Every row that was not simply CREATED or UNCHANGED, and those too for a batch of at most 100. */
  rows: z.array(offlineSaleRowResultSchema),
});

export const offlineSalesImportQuerySchema = z.object({
  fileName: z.string().trim().min(1).max(200).default('upload.csv'),
});
