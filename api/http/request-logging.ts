import { randomUUID } from 'node:crypto';
import { pinoHttp } from 'pino-http';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type Logger } from '../logger';

export const requestIdHeader = 'X-Request-Id';

/** A caller's id is kept only when it is a sane token, so nobody can inject log lines or huge headers. */
const acceptableRequestId = /^[A-Za-z0-9._:-]{1,128}$/;

function requestIdFor(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers[requestIdHeader.toLowerCase()];
  const id = typeof incoming === 'string' && acceptableRequestId.test(incoming) ? incoming : randomUUID();
  res.setHeader(requestIdHeader, id);
  return id;
}

/**
 * Logs one line per request and gives every request `req.id` and `req.log` (a child logger carrying the
 * id), honouring an incoming X-Request-Id so a call can be followed across the admin UI, API and worker.
 */
export function requestLogging(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: requestIdFor,
    // A 503 is the API asking to be called again (shed load, a busy database): expected under load, not a fault.
    customLogLevel: (_req, res, error) =>
      res.statusCode === 503 ? 'warn' : error !== undefined || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    // Probes hit these every few seconds; logging each one would drown everything else.
    autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
    serializers: {
      req: (req: { id: unknown; method: unknown; url: unknown }) => ({ id: req.id, method: req.method, url: req.url }),
      res: (res: { statusCode: unknown }) => ({ statusCode: res.statusCode }),
    },
  });
}

/** The id `requestLogging` gave this request (always a string: we generate it, or accepted the caller's). */
export function requestIdOf(req: IncomingMessage): string {
  return typeof req.id === 'string' ? req.id : JSON.stringify(req.id);
}
