import { type Request, type RequestHandler } from 'express';
import { type z } from 'zod';
import { type FieldErrors, InvalidDataError } from '../../domain/errors';
import { findUnsafeStrings } from '../../domain/validation/unsafe-strings';

export interface ValidationLimits {
  /**
   * Longest string accepted anywhere in a request (API_MAX_STRING_LENGTH), whatever its schema says: the
   * backstop for free-form fields. Every schema field has its own, tighter bound.
   */
  maxStringLength: number;
}

export interface RequestSchemas {
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
}

const requestParts = ['params', 'query', 'body'] as const;

function sentABody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

/**
 * Field errors keyed by the field's path ("lines.0.quantity") so react-admin can put each message next
 * to its input; an error about a whole part (e.g. the body is not an object) is keyed by the part's name.
 */
export function fieldErrorsOf(issues: readonly z.core.$ZodIssue[], part: string): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.length === 0 ? part : issue.path.map(String).join('.');
    errors[key] ??= issue.message;
  }
  return errors;
}

/**
 * Strings no column can store (a NUL byte) or no field needs (past the global bound), anywhere in the
 * request, keyed like schema errors. Checked on every part of every route before its schema, so this one
 * place holds for routes and fields added later too.
 */
function unsafeStringErrors(req: Request, limits: ValidationLimits): FieldErrors {
  const errors: FieldErrors = {};
  for (const part of requestParts) {
    for (const unsafe of findUnsafeStrings(req[part], limits.maxStringLength))
      errors[unsafe.path === '' ? part : unsafe.path] ??= unsafe.reason;
  }
  return errors;
}

/**
 * Parses params, query and body with their zod schemas and keeps the parsed values on `req.validated`
 * (coerced and defaulted). Any failure is one 400 listing every bad field of every part.
 */
export function validate(schemas: RequestSchemas, limits: ValidationLimits): RequestHandler {
  return (req, _res, next) => {
    const validated: NonNullable<typeof req.validated> = {};
    let errors: FieldErrors = unsafeStringErrors(req, limits);
    if (Object.keys(errors).length > 0) {
      next(new InvalidDataError('The request has strings that cannot be stored', errors));
      return;
    }
    for (const part of requestParts) {
      const schema = schemas[part];
      if (schema === undefined) continue;
      if (part === 'body' && req.body === undefined && sentABody(req)) {
        // express.json() skips other content types; treating such a body as "{}" would silently change nothing.
        next(new InvalidDataError('The request body must be JSON (Content-Type: application/json)', { body: 'must be JSON' }));
        return;
      }
      // Express leaves req.body undefined when no body was sent; validate it as an empty object instead.
      const raw: unknown = part === 'body' ? (req.body ?? {}) : req[part];
      const result = schema.safeParse(raw);
      if (result.success) validated[part] = result.data;
      else errors = { ...errors, ...fieldErrorsOf(result.error.issues, part) };
    }
    if (Object.keys(errors).length > 0) {
      next(new InvalidDataError('The request has invalid fields', errors));
      return;
    }
    req.validated = validated;
    next();
  };
}
