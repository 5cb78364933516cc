import { type OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { type Express } from 'express';
import { z } from 'zod';
import { type OperationIds } from '../openapi/operation-ids';
import { type ApiMetrics } from './api-metrics';

/**
 * `GET /metrics` in Prometheus' text format, for a scraper on the internal network: outside /api (no
 * token, no load shedding), like the health probes. Served as text, so it is mounted on the app directly
 * and described in the OpenAPI document by hand.
 */
export function mountMetricsRoute(app: Express, metrics: ApiMetrics, openApi: OpenAPIRegistry, operationIds: OperationIds): void {
  openApi.registerPath({
    method: 'get',
    path: '/metrics',
    operationId: operationIds.claim('getMetrics', 'GET /metrics'),
    summary: 'Prometheus metrics (text exposition format)',
    description:
      'HTTP request counts and latency by route, load shedding, process CPU and memory, and the workflow-start outbox (`omnichannel_workflow_starts{state="pending"|"failed"}`: accepted records whose run has not started; alert on it).',
    tags: ['health'],
    // For a scraper on the internal network, like the health probes.
    security: [],
    responses: {
      200: { description: 'The metrics', content: { 'text/plain': { schema: z.string() } } },
      503: { description: 'The metrics could not be collected', content: { 'text/plain': { schema: z.string() } } },
    },
  });
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
