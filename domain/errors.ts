/**
 * The one family of business errors. Domain rules, services and routes throw these; the API's error
 * handler turns them into HTTP answers, and activities rethrow them as `ApplicationFailure`s with the same
 * `type` so a workflow (and whoever reads its history) sees the same vocabulary everywhere.
 */

export const errorTypes = {
  INVALID_DATA: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorType = keyof typeof errorTypes;

/** Field path (`"lines.0.quantity"`) to a message a person can act on. */
export type FieldErrors = Record<string, string>;

export abstract class AppError extends Error {
  abstract readonly type: ErrorType;

  get httpStatus(): number {
    return errorTypes[this.type];
  }
}

export class InvalidDataError extends AppError {
  override readonly name = 'InvalidDataError';
  override readonly type = 'INVALID_DATA';

  constructor(
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
  }
}

export class UnauthorizedError extends AppError {
  override readonly name = 'UnauthorizedError';
  override readonly type = 'UNAUTHORIZED';

  constructor(message = 'Authentication required') {
    super(message);
  }
}

export class ForbiddenError extends AppError {
  override readonly name = 'ForbiddenError';
  override readonly type = 'FORBIDDEN';

  constructor(message = 'You are not allowed to do this') {
    super(message);
  }
}

export class NotFoundError extends AppError {
  override readonly name = 'NotFoundError';
  override readonly type = 'NOT_FOUND';

  constructor(message = 'Not found') {
    super(message);
  }
}

export class ConflictError extends AppError {
  override readonly name = 'ConflictError';
  override readonly type = 'CONFLICT';

  constructor(message = 'Conflicts with the current state') {
    super(message);
  }
}

/** The caller has tried too often; `retryAfterSeconds` says when the next attempt can succeed. */
export class TooManyRequestsError extends AppError {
  override readonly name = 'TooManyRequestsError';
  override readonly type = 'TOO_MANY_REQUESTS';

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** A dependency (Temporal, a worker) did not answer in time; the same request may succeed shortly. */
export class ServiceUnavailableError extends AppError {
  override readonly name = 'ServiceUnavailableError';
  override readonly type = 'SERVICE_UNAVAILABLE';

  constructor(message = 'A service this request needs did not answer in time; try again shortly') {
    super(message);
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export function isErrorType(value: string): value is ErrorType {
  return Object.hasOwn(errorTypes, value);
}
