import { type Express } from 'express';
import { type ApiMetrics } from './api-metrics';

/**
 * `GET /metrics` in Prometheus' text format, for a scraper on the internal network: outside /api (no
 * token, no load shedding, not in the OpenAPI document), like the health probes.
 */
export function mountMetricsRoute(app: Express, metrics: ApiMetrics): void {
  app.get('/metrics', async (req, res) => {
    try {
      const body = await metrics.registry.metrics();
      res.set('Content-Type', metrics.registry.contentType).send(body);
    } catch (error) {
      req.log.error({ err: error }, 'metrics could not be collected');
      res.status(503).type('text/plain').send('# metrics could not be collected\n');
    }
  });
}
