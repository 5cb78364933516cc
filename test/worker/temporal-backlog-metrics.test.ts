import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { registerTemporalBacklogMetrics } from '../../worker/metrics/temporal-backlog-metrics';
import { createWorkerMetrics, type WorkerMetrics } from '../../worker/metrics/worker-metrics';
import { testEnv } from '../support/env';

async function samples(metrics: WorkerMetrics, name: string) {
  return (await metrics.registry.getMetricsAsJSON()).find((metric) => metric.name === name)?.values ?? [];
}

/** Temporal's backlog of a task queue no worker polls, as the worker's /metrics reports it. */
describe('Temporal task-queue backlog metrics', () => {
  let connection: Connection;
  const taskQueue = `backlog-metrics-${randomUUID()}`;
  const workflowIds = [0, 1, 2].map((index) => `backlog-metrics:${taskQueue}:${index}`);

  beforeAll(async () => {
    connection = await Connection.connect({ address: testEnv.temporalAddress });
  });
  afterAll(async () => {
    const client = new Client({ connection, namespace: testEnv.temporalNamespace });
    await Promise.all(
      workflowIds.map((id) =>
        client.workflow
          .getHandle(id)
          .terminate('test over')
          .catch(() => undefined),
      ),
    );
    await connection.close();
  });

  it('counts the workflow tasks waiting for a worker and how long the oldest has waited', async () => {
    const client = new Client({ connection, namespace: testEnv.temporalNamespace });
    for (const workflowId of workflowIds) await client.workflow.start('checkPipeline', { taskQueue, workflowId, args: [{}] });
    const metrics = createWorkerMetrics({ processMetrics: false });
    registerTemporalBacklogMetrics(metrics, {
      service: connection.workflowService,
      withDeadline: (deadline, call) => connection.withDeadline(deadline, call),
      namespace: testEnv.temporalNamespace,
      taskQueue,
      timeoutMs: 2000,
    });
    const deadline = Date.now() + 20_000;
    let backlog: Awaited<ReturnType<typeof samples>>;
    for (;;) {
      backlog = await samples(metrics, 'omnichannel_temporal_task_queue_backlog');
      if (backlog.find((sample) => sample.labels.task_type === 'workflow')?.value === 3 || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(backlog).toEqual(
      expect.arrayContaining([
        { labels: { task_queue: taskQueue, task_type: 'workflow' }, value: 3 },
        { labels: { task_queue: taskQueue, task_type: 'activity' }, value: 0 },
      ]),
    );
    const age = (await samples(metrics, 'omnichannel_temporal_task_queue_backlog_age_seconds')).find(
      (sample) => sample.labels.task_type === 'workflow',
    );
    expect(age?.value).toBeGreaterThan(0);
  });

  it('leaves the series out when the server does not answer, instead of reporting an empty queue', async () => {
    const metrics = createWorkerMetrics({ processMetrics: false });
    registerTemporalBacklogMetrics(metrics, {
      service: { describeTaskQueue: () => Promise.reject(new Error('UNAVAILABLE: connection refused')) },
      withDeadline: (_deadline, call) => call(),
      namespace: testEnv.temporalNamespace,
      taskQueue,
      timeoutMs: 2000,
    });
    expect(await samples(metrics, 'omnichannel_temporal_task_queue_backlog')).toEqual([]);
    expect(await samples(metrics, 'omnichannel_temporal_task_queue_backlog_age_seconds')).toEqual([]);
  });
});
