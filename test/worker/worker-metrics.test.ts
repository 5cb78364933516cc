import { z } from 'zod';
import { type DemoChannel } from '../../channels/catalog';
import { ChannelHttpClient } from '../../channels/http/channel-http-client';
import { httpChannelProfileSchema } from '../../channels/http/channel-profile';
import { sandboxChannelProfile } from '../../channels/http/demo-profile';
import { createPrismaClient, type PrismaClient } from '../../prisma/client';
import { checkPipeline } from '../../workflows';
import { channelMetricsHooks } from '../../worker/metrics/channel-metrics-hooks';
import { createWorkerMetrics, type WorkerMetrics } from '../../worker/metrics/worker-metrics';
import { startTestSandbox, type TestSandbox } from '../channels/support/test-sandbox';
import { requireEnv, testEnv } from '../support/env';
import { startTestWorker } from '../support/temporal';

async function valueOf(metrics: WorkerMetrics, name: string, labels: Record<string, string>): Promise<number> {
  const metric = (await metrics.registry.getMetricsAsJSON()).find((candidate) => candidate.name === name);
  const sample = metric?.values.find((value) => Object.entries(labels).every(([key, expected]) => String(value.labels[key]) === expected));
  return sample?.value ?? 0;
}

describe('workflow run metrics', () => {
  let prisma: PrismaClient;
  let env: Awaited<ReturnType<typeof startTestWorker>>;
  const metrics = createWorkerMetrics({ processMetrics: false });

  beforeAll(async () => {
    prisma = createPrismaClient({ databaseUrl: testEnv.databaseUrl });
    env = await startTestWorker({ prisma }, { metrics });
  });

  afterAll(async () => {
    await env?.stop();
    await prisma?.$disconnect();
  });

  it('counts each run once when it starts and once when it ends, by workflow type and outcome', async () => {
    for (let run = 0; run < 2; run += 1) {
      await env.client.workflow.execute(checkPipeline, {
        taskQueue: env.taskQueue,
        workflowId: `metrics-check-pipeline:${Date.now()}:${run}`,
        args: [{ requestedBy: 'worker-metrics-test' }],
      });
    }
    expect(await valueOf(metrics, 'omnichannel_workflow_runs_started_total', { workflow_type: 'checkPipeline' })).toBe(2);
    expect(await valueOf(metrics, 'omnichannel_workflow_runs_closed_total', { workflow_type: 'checkPipeline', outcome: 'completed' })).toBe(
      2,
    );
    expect(await valueOf(metrics, 'omnichannel_workflow_runs_closed_total', { workflow_type: 'checkPipeline', outcome: 'failed' })).toBe(0);
  });
});

describe('channel push metrics', () => {
  /** One token per 10 s after a burst of 3: the fourth call in a row is the channel's 429. */
  const stingyChannel: DemoChannel = {
    code: 'stingymart',
    name: 'Stingy test channel',
    kind: 'MARKETPLACE',
    rateLimit: { perSecond: 0.1, burst: 3, perItem: false },
    maxBatchSize: 10,
    asyncJobs: false,
    safetyBuffer: 0,
    webhookSecret: 'test-secret',
  };
  let sandbox: TestSandbox;

  beforeAll(async () => {
    sandbox = await startTestSandbox({ channels: [stingyChannel] });
  });

  afterAll(() => sandbox.close());

  it('counts every attempt by status, the tokens spent, and each 429, per channel', async () => {
    const metrics = createWorkerMetrics({ processMetrics: false });
    // Our side believes in a generous limit, so the channel's own 429s get through to be counted.
    const profile = httpChannelProfileSchema.parse({
      ...sandboxChannelProfile(stingyChannel, sandbox.url, {
        retry: { rateLimitedAttempts: 1, unavailableAttempts: 1, maxElapsedMs: 1000, baseDelayMs: 10, maxDelayMs: 10 },
      }),
      rateLimit: { perSecond: 1000, burst: 1000, perItem: false },
    });
    const client = new ChannelHttpClient(profile, channelMetricsHooks(metrics));
    const outcomes: string[] = [];
    // Four calls: after a 429 the client waits out the channel's Retry-After before its next call (10 s here).
    for (let call = 0; call < 4; call += 1) {
      outcomes.push(
        await client
          .send({ method: 'GET', path: '/listings?skus=A-1', cost: 1, schema: z.unknown(), retry: false })
          .then(() => 'ok')
          .catch((error: Error) => error.name),
      );
    }
    expect(outcomes).toEqual(['ok', 'ok', 'ok', 'ChannelRateLimitedError']);
    expect(await valueOf(metrics, 'omnichannel_channel_requests_total', { channel: 'stingymart', method: 'GET', status: '200' })).toBe(3);
    expect(await valueOf(metrics, 'omnichannel_channel_requests_total', { channel: 'stingymart', method: 'GET', status: '429' })).toBe(1);
    expect(await valueOf(metrics, 'omnichannel_channel_rate_limited_total', { channel: 'stingymart' })).toBe(1);
    expect(await valueOf(metrics, 'omnichannel_channel_request_cost_total', { channel: 'stingymart' })).toBe(4);
  });
});

describe('the worker process’s /metrics', () => {
  it('serves our metrics, the task backlog and the Temporal SDK’s own, in Prometheus’ text format', async () => {
    const url = requireEnv('WORKER_METRICS_URL');
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/^omnichannel_tasks_waiting\{queue="all",status="open"\} \d+$/m);
    // Temporal's server-side backlog of the worker's task queue (DescribeTaskQueue with stats).
    expect(text).toMatch(/^omnichannel_temporal_task_queue_backlog\{task_queue="[^"]+",task_type="workflow"\} \d+$/m);
    expect(text).toMatch(/^omnichannel_temporal_task_queue_backlog_age_seconds\{task_queue="[^"]+",task_type="activity"\} [\d.e-]+$/m);
    expect(text).toContain('# TYPE omnichannel_workflow_runs_started_total counter');
    expect(text).toContain('# TYPE omnichannel_channel_rate_limited_total counter');
    expect(text).toMatch(/^process_cpu_seconds_total \d/m);
    // The SDK's exporter: pollers and slots of this worker's task queue.
    expect(text).toMatch(/^temporal_\w+\{[^}]*task_queue="[^"]+"/m);

    expect((await fetch(url.replace(/\/metrics$/, '/other'))).status).toBe(404);
  });
});
