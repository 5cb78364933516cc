import { type NativeConnection, Worker } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import { type WorkerConfig } from './config';
import { heartbeatWhileRunning } from './heartbeat-interceptor';
import { runMetricsInterceptorModule, runMetricsSinks } from './metrics/run-metrics-sinks';
import { createWorkerMetrics, type WorkerMetrics } from './metrics/worker-metrics';
import { workflowSource } from './workflow-source';

/**
 * What makes short heartbeat timeouts safe (workflows/kit/activity-profiles.ts, LIVENESS_HEARTBEAT_TIMEOUT):
 * every activity with one heartbeats while it runs, and heartbeats reach the server as they are made
 * (throttled to one a second) instead of after the SDK's default throttle of 80% of the heartbeat timeout,
 * which would leave a 10 s timeout only 2 s of slack on a loaded machine.
 */
export const livenessHeartbeatOptions = {
  activityInterceptors: [heartbeatWhileRunning],
  maxHeartbeatThrottleInterval: 1000,
} as const;

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
    interceptors: {
      // A prebuilt bundle already contains the interceptor module (worker/build-bundle.ts).
      ...(source.workflowsPath !== undefined && { workflowModules: [runMetricsInterceptorModule] }),
      activity: [...livenessHeartbeatOptions.activityInterceptors],
    },
    maxHeartbeatThrottleInterval: livenessHeartbeatOptions.maxHeartbeatThrottleInterval,
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
