import { Worker } from '@temporalio/worker';
import { testEnv } from '../../support/env';
import { runTestWorker } from '../../support/temporal';

export const sampleWorkflowsPath = require.resolve('../sample/sample-workflows');

/**
 * A worker for the sample workflows (test/kit/sample/) on a task queue of its own, with the activities
 * the test injects (fakes, or real ones with the test database), against the bootstrap's Temporal server.
 */
export function startSampleWorker(activities: Record<string, (...args: never[]) => Promise<unknown>>) {
  return runTestWorker((connection, taskQueue) =>
    Worker.create({ connection, namespace: testEnv.temporalNamespace, taskQueue, workflowsPath: sampleWorkflowsPath, activities }),
  );
}
