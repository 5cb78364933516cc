import { type temporal } from '@temporalio/proto';
import { Gauge } from 'prom-client';
import { type WorkerMetrics } from './worker-metrics';

type TaskQueueStats = temporal.api.taskqueue.v1.ITaskQueueStats;

/** What the server is asked for: one task queue's backlog, through DescribeTaskQueue with stats. */
export interface TaskQueueDescriber {
  describeTaskQueue(request: temporal.api.workflowservice.v1.IDescribeTaskQueueRequest): Promise<{ stats?: TaskQueueStats | null }>;
}

export interface TemporalBacklogSource {
  /** The worker's connection's workflow service (NativeConnection.workflowService, Connection.workflowService). */
  service: TaskQueueDescriber;
  /** Runs the call with a deadline, so a scrape never waits on an unreachable server longer than `timeoutMs`. */
  withDeadline<T>(deadline: number, call: () => Promise<T>): Promise<T>;
  namespace: string;
  taskQueue: string;
  timeoutMs: number;
}

/** Workflow and activity tasks are backlogged separately; the proto enum's values (WORKFLOW = 1, ACTIVITY = 2). */
const taskTypes = [
  { label: 'workflow', value: 1 },
  { label: 'activity', value: 2 },
] as const;

function seconds(duration: TaskQueueStats['approximateBacklogAge']): number {
  if (duration === null || duration === undefined) return 0;
  return Number(duration.seconds ?? 0) + (duration.nanos ?? 0) / 1e9;
}

/**
 * Temporal's own backlog of our task queue, read from the server (DescribeTaskQueue with report_stats) at
 * each scrape: `omnichannel_temporal_task_queue_backlog{task_queue,task_type}` (tasks waiting for a worker,
 * approximate), `..._backlog_age_seconds` (how long the oldest has waited) and the add and dispatch rates
 * (tasks/s). The SDK's schedule-to-start latency only shows once a task reached a worker; this shows tasks
 * that none has taken yet (no worker up, every slot busy). The numbers are the server's, so every worker
 * reports the same: take max(), not sum(). A failed read leaves the series out rather than reporting zero.
 */
export function registerTemporalBacklogMetrics(metrics: WorkerMetrics, source: TemporalBacklogSource): void {
  const labelNames = ['task_queue', 'task_type'] as const;
  const registers = [metrics.registry];
  const age = new Gauge({
    name: 'omnichannel_temporal_task_queue_backlog_age_seconds',
    help: "Age of the oldest task in Temporal's backlog of the task queue, by task type (workflow, activity)",
    labelNames,
    registers,
  });
  const addRate = new Gauge({
    name: 'omnichannel_temporal_task_queue_add_rate',
    help: 'Tasks added to the task queue per second (server estimate), by task type',
    labelNames,
    registers,
  });
  const dispatchRate = new Gauge({
    name: 'omnichannel_temporal_task_queue_dispatch_rate',
    help: 'Tasks handed to workers per second (server estimate), by task type',
    labelNames,
    registers,
  });
  new Gauge({
    name: 'omnichannel_temporal_task_queue_backlog',
    help: 'Tasks in Temporal waiting for a worker on the task queue (approximate, from DescribeTaskQueue), by task type',
    labelNames,
    registers,
    async collect() {
      for (const gauge of [this, age, addRate, dispatchRate]) gauge.reset();
      await Promise.all(
        taskTypes.map(async ({ label, value }) => {
          let stats: TaskQueueStats | null | undefined;
          try {
            ({ stats } = await source.withDeadline(Date.now() + source.timeoutMs, () =>
              source.service.describeTaskQueue({
                namespace: source.namespace,
                taskQueue: { name: source.taskQueue, kind: 1 },
                taskQueueType: value,
                reportStats: true,
              }),
            ));
          } catch {
            return;
          }
          if (stats === null || stats === undefined) return;
          const labels = { task_queue: source.taskQueue, task_type: label };
          this.set(labels, Number(stats.approximateBacklogCount ?? 0));
          age.set(labels, seconds(stats.approximateBacklogAge));
          addRate.set(labels, stats.tasksAddRate ?? 0);
          dispatchRate.set(labels, stats.tasksDispatchRate ?? 0);
        }),
      );
    },
  });
}
