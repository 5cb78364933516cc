import { type NativeConnection, Worker } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import { type WorkerConfig } from './config';
import { runMetricsInterceptorModule, runMetricsSinks } from './metrics/run-metrics-sinks';
import { createWorkerMetrics, type WorkerMetrics } from './metrics/worker-metrics';
import { workflowSource } from './workflow-source';

type WorkerSettings = Pick<
  WorkerConfig,
  | 'TEMPORAL_NAMESPACE'
  | 'TEMPORAL_TASK_QUEUE'
  | 'WORKFLOW_BUNDLE_PATH'
  | 'WORKER_MAX_CONCURRENT_ACTIVITIES'
  | 'WORKER_MAX_CONCURRENT_WORKFLOW_TASKS'
  | 'WORKER_SHUTDOWN_GRACE_MS'
> &
  Partial<Pick<WorkerConfig, 'WORKER_STICKY_QUEUE_TIMEOUT_MS'>>;

/**
 * One worker polling our task queue with every workflow and activity; tests build theirs the same way.
 * Run starts and ends are counted into `metrics` (tests that leave it out get a registry of their own).
 */
export async function createWorker(
  connection: NativeConnection,
  config: WorkerSettings,
  deps: ActivityDeps,
  metrics: WorkerMetrics = createWorkerMetrics({ processMetrics: false }),
): Promise<Worker> {
  const source = await workflowSource(config.WORKFLOW_BUNDLE_PATH);
  return Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    ...source,
    // A prebuilt bundle already contains the interceptor module (worker/build-bundle.ts).
    ...(source.workflowsPath !== undefined && { interceptors: { workflowModules: [runMetricsInterceptorModule] } }),
    sinks: runMetricsSinks(metrics),
    activities: createActivities(deps),
    maxConcurrentActivityTaskExecutions: config.WORKER_MAX_CONCURRENT_ACTIVITIES,
    maxConcurrentWorkflowTaskExecutions: config.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
    shutdownGraceTime: config.WORKER_SHUTDOWN_GRACE_MS,
    ...(config.WORKER_STICKY_QUEUE_TIMEOUT_MS !== undefined && {
      stickyQueueScheduleToStartTimeout: config.WORKER_STICKY_QUEUE_TIMEOUT_MS,
    }),
  });
}
