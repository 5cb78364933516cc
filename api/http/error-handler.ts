import { type ErrorRequestHandler, type RequestHandler } from 'express';
import { isAppError, InvalidDataError, NotFoundError, ServiceUnavailableError, TooManyRequestsError } from '../../domain/errors';
import { translatePrismaError } from './prisma-errors';
import { requestIdOf } from './request-logging';

/**
 * Errors raised by Express's own machinery before a route runs carry an HTTP status: body-parser's
 * (malformed JSON, too large, a body that is not the gzip it claims to be, a bad charset) and the
 * router's (a path parameter that is not valid percent-encoding, e.g. `%zz`). Any such 4xx is the
 * caller's mistake and is answered as one.
 */
interface HttpStatusError {
  status?: unknown;
  statusCode?: unknown;
  expose?: unknown;
  type?: unknown;
  message?: unknown;
}

function clientErrorStatusOf(error: unknown): number | undefined {
  if (error instanceof URIError) return 400;
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = error as HttpStatusError;
  const status = typeof candidate.status === 'number' ? candidate.status : candidate.statusCode;
  return typeof status === 'number' && Number.isInteger(status) && status >= 400 && status < 500 ? status : undefined;
}

function clientErrorMessage(error: HttpStatusError): string {
  if (error instanceof URIError) return 'The request path is not valid percent-encoding (e.g. a stray "%")';
  if (error.type === 'entity.parse.failed') return 'The request body is not valid JSON';
  if (error.type === 'encoding.unsupported') return 'The request body has an encoding this API does not accept';
  // body-parser marks the messages that are safe to show; zlib's own ("incorrect header check") are not meant for callers.
  if (error.expose === true && typeof error.message === 'string' && !/^(incorrect|invalid|unexpected end)/i.test(error.message))
    return error.message;
  return 'The request body could not be read (is Content-Encoding right?)';
}

/** What a 503 asks clients (channels redelivering webhooks, the admin UI) to wait before trying again. */
export const RETRY_AFTER_SECONDS = 1;

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
    if (known instanceof ServiceUnavailableError) res.set('Retry-After', String(RETRY_AFTER_SECONDS));
    if (known instanceof TooManyRequestsError) res.set('Retry-After', String(known.retryAfterSeconds));
    res.status(known.httpStatus).json(body);
    return;
  }
  const clientStatus = clientErrorStatusOf(error);
  if (clientStatus !== undefined) {
    res.status(clientStatus).json({ message: clientErrorMessage(error as HttpStatusError) });
    return;
  }
  req.log.error({ err: error }, 'unhandled error');
  res.status(500).json({ message: `Internal error; quote request id ${requestIdOf(req)} when reporting it` });
};
