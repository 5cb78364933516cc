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
  // The registry collects every metric at once (in parallel), so the four gauges share one describe per scrape.
  let shared: { at: number; reads: Promise<{ label: string; stats: TaskQueueStats | null }[]> } | null = null;
  const readStats = () => {
    if (shared === null || Date.now() - shared.at > SHARED_READ_MS) shared = { at: Date.now(), reads: describeAll(source) };
    return shared.reads;
  };
  const gauge = (name: string, help: string, value: (stats: TaskQueueStats) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['task_queue', 'task_type'],
      registers: [metrics.registry],
      async collect() {
        this.reset();
        for (const { label, stats } of await readStats())
          if (stats !== null) this.set({ task_queue: source.taskQueue, task_type: label }, value(stats));
      },
    });
  gauge(
    'omnichannel_temporal_task_queue_backlog',
    'Tasks in Temporal waiting for a worker on the task queue (approximate, from DescribeTaskQueue), by task type',
    (stats) => Number(stats.approximateBacklogCount ?? 0),
  );
  gauge(
    'omnichannel_temporal_task_queue_backlog_age_seconds',
    "Age of the oldest task in Temporal's backlog of the task queue, by task type (workflow, activity)",
    (stats) => seconds(stats.approximateBacklogAge),
  );
  gauge('omnichannel_temporal_task_queue_add_rate', 'Tasks added to the task queue per second (server estimate), by task type', (stats) =>
    Number(stats.tasksAddRate ?? 0),
  );
  gauge('omnichannel_temporal_task_queue_dispatch_rate', 'Tasks handed to workers per second (server estimate), by task type', (stats) =>
    Number(stats.tasksDispatchRate ?? 0),
  );
}

/** Reads started this close together belong to one scrape. */
const SHARED_READ_MS = 500;

/** Both task types' stats; null for a type the server did not answer for (its series are left out). */
function describeAll(source: TemporalBacklogSource): Promise<{ label: string; stats: TaskQueueStats | null }[]> {
  return Promise.all(
    taskTypes.map(async ({ label, value }) => {
      try {
        const { stats } = await source.withDeadline(Date.now() + source.timeoutMs, () =>
          source.service.describeTaskQueue({
            namespace: source.namespace,
            taskQueue: { name: source.taskQueue, kind: 1 },
            taskQueueType: value,
            reportStats: true,
          }),
        );
        return { label, stats: stats ?? null };
      } catch {
        return { label, stats: null };
      }
    }),
  );
}
