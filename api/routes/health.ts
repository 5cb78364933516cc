import { type ApiRouter } from '../http/api-router';
import { checkReadiness, type ReadinessProbes } from '../readiness';
import { livenessSchema, readinessSchema } from './health.validators';

export interface HealthRouteDeps {
  probes: ReadinessProbes;
  readinessTimeoutMs: number;
}

/** Liveness says the process is up; readiness says it can do its job (so a balancer only then sends traffic). */
export function registerHealthRoutes(api: ApiRouter, deps: HealthRouteDeps): void {
  api.route({
    method: 'get',
    path: '/healthz',
    summary: 'Liveness: the process is up',
    tags: ['health'],
    access: 'public',
    response: { description: 'The process answers', schema: livenessSchema },
    handle: () => Promise.resolve({ status: 'ok' as const }),
  });

  api.route({
    method: 'get',
    path: '/readyz',
    summary: 'Readiness: the database and Temporal both answer',
    tags: ['health'],
    access: 'public',
    response: { description: 'Every dependency answered in time', schema: readinessSchema },
    otherResponses: [{ status: 503, description: 'At least one dependency is down; `message` names it', schema: readinessSchema }],
    handle: async ({ res }) => {
      const readiness = await checkReadiness(deps.probes, deps.readinessTimeoutMs);
      const down = Object.entries(readiness.dependencies)
        .filter(([, dependency]) => dependency.status === 'down')
        .map(([name]) => name);
      if (down.length > 0) res.status(503);
      return { ...readiness, message: down.length === 0 ? 'ready' : `not ready: ${down.join(' and ')} unreachable` };
    },
  });
}
