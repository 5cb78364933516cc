import { type NativeConnection, Worker } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import { type WorkerConfig } from './config';
import { workflowSource } from './workflow-source';

type WorkerSettings = Pick<
  WorkerConfig,
  | 'TEMPORAL_NAMESPACE'
  | 'TEMPORAL_TASK_QUEUE'
  | 'WORKFLOW_BUNDLE_PATH'
  | 'WORKER_MAX_CONCURRENT_ACTIVITIES'
  | 'WORKER_MAX_CONCURRENT_WORKFLOW_TASKS'
  | 'WORKER_SHUTDOWN_GRACE_MS'
>;

/** One worker polling our task queue with every workflow and activity; tests build theirs the same way. */
export async function createWorker(connection: NativeConnection, config: WorkerSettings, deps: ActivityDeps): Promise<Worker> {
  return Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    ...(await workflowSource(config.WORKFLOW_BUNDLE_PATH)),
    activities: createActivities(deps),
    maxConcurrentActivityTaskExecutions: config.WORKER_MAX_CONCURRENT_ACTIVITIES,
    maxConcurrentWorkflowTaskExecutions: config.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
    shutdownGraceTime: config.WORKER_SHUTDOWN_GRACE_MS,
  });
}
