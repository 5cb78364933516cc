import { type Request, type RequestHandler } from 'express';
import { type ApiMetrics } from './api-metrics';

/**
 * The route a request matched as a pattern (`/api/orders/:id`), never its literal path: one time
 * series per route, whatever ids or garbage callers send.
 */
function routeLabelOf(req: Request): string {
  const pattern = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof pattern === 'string') return `${req.baseUrl}${pattern}`;
  if (req.originalUrl.startsWith('/admin')) return '/admin';
  return 'unmatched';
}

/** Counts every answer and its latency, by method, route pattern and status. */
export function recordHttpMetrics(metrics: ApiMetrics): RequestHandler {
  return (req, res, next) => {
    const stop = metrics.httpRequestDuration.startTimer();
    res.once('finish', () => {
      const labels = { method: req.method, route: routeLabelOf(req), status: String(res.statusCode) };
      stop(labels);
      metrics.httpRequests.inc(labels);
    });
    next();
  };
}
