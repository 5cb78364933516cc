import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * The API's Prometheus metrics, one registry per app (tests build many apps in one process). Other parts
 * add theirs here: a metric is created with `registers: [metrics.registry]` and served at `/metrics`.
 */
export interface ApiMetrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpRequestDuration: Histogram<'method' | 'route' | 'status'>;
  /** Requests answered 503 by load shedding, by why: the queue was full, or a request waited too long in it. */
  shedRequests: Counter<'reason'>;
}

export function createApiMetrics({ processMetrics }: { processMetrics: boolean }): ApiMetrics {
  const registry = new Registry();
  // CPU, memory, event-loop lag and GC of this process: only the real server, not every test app.
  if (processMetrics) collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new Counter({
      name: 'omnichannel_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status code',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    httpRequestDuration: new Histogram({
      name: 'omnichannel_http_request_duration_seconds',
      help: 'Time from the request arriving until its answer was sent, by method, route pattern and status code',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    shedRequests: new Counter({
      name: 'omnichannel_http_requests_shed_total',
      help: 'Requests answered 503 + Retry-After by load shedding: queue_full or queue_timeout',
      labelNames: ['reason'],
      registers: [registry],
    }),
  };
}
