import { type ErrorRequestHandler, type RequestHandler } from 'express';
import { isAppError, InvalidDataError, NotFoundError, ServiceUnavailableError } from '../../domain/errors';
import { translatePrismaError } from './prisma-errors';
import { requestIdOf } from './request-logging';

/** body-parser marks its own errors (malformed JSON, too large, bad charset) with `expose` and a 4xx status. */
interface BodyParserError {
  status: number;
  expose: boolean;
  type: string;
  message: string;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as Partial<BodyParserError>;
  return (
    candidate.expose === true &&
    typeof candidate.status === 'number' &&
    candidate.status >= 400 &&
    candidate.status < 500 &&
    typeof candidate.type === 'string'
  );
}

/** What a 503 asks clients (channels redelivering webhooks, the admin UI) to wait before trying again. */
const retryAfterSeconds = 1;

export const unknownRoute: RequestHandler = (req) => {
  throw new NotFoundError(`No route for ${req.method} ${req.path}`);
};

/**
 * The one place errors become HTTP answers `{ message, errors? }`. Typed errors keep their message;
 * anything else is a 500 whose details go to the log (with the request id), never to the caller.
 */
export const errorHandler: ErrorRequestHandler = (error: unknown, req, res, _next) => {
  const known = isAppError(error) ? error : translatePrismaError(error);
  if (known !== undefined) {
    const body = known instanceof InvalidDataError ? { message: known.message, errors: known.fieldErrors } : { message: known.message };
    if (known instanceof ServiceUnavailableError) res.set('Retry-After', String(retryAfterSeconds));
    res.status(known.httpStatus).json(body);
    return;
  }
  if (isBodyParserError(error)) {
    const message = error.type === 'entity.parse.failed' ? 'The request body is not valid JSON' : error.message;
    res.status(error.status).json({ message });
    return;
  }
  req.log.error({ err: error }, 'unhandled error');
  res.status(500).json({ message: `Internal error; quote request id ${requestIdOf(req)} when reporting it` });
};
