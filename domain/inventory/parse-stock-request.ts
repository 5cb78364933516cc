import { type z } from 'zod';
import { InvalidDataError, type FieldErrors } from '../errors';

/** Validates a stock request at the boundary; a bad one is INVALID_DATA with an error per field. */
export function parseStockRequest<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.') || 'request';
    fieldErrors[field] ??= issue.message;
  }
  throw new InvalidDataError('Invalid stock request', fieldErrors);
}
