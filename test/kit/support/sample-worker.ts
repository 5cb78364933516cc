import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { testEnv } from '../../support/env';

export const sampleWorkflowsPath = require.resolve('../sample/sample-workflows');

/**
 * A worker for the sample workflows (test/kit/sample/) on a task queue of its own, with the activities
 * the test injects (fakes, or real ones with the test database), against the bootstrap's Temporal server.
 */
export async function startSampleWorker(activities: Record<string, (...args: never[]) => Promise<unknown>>) {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Installed by an earlier test in this jest worker.
  }
  const taskQueue = `kit-${randomUUID()}`;
  const nativeConnection = await NativeConnection.connect({ address: testEnv.temporalAddress });
  const worker = await Worker.create({
    connection: nativeConnection,
    namespace: testEnv.temporalNamespace,
    taskQueue,
    workflowsPath: sampleWorkflowsPath,
    activities,
  });
  const running = worker.run();
  const connection = await Connection.connect({ address: testEnv.temporalAddress });
  const client = new Client({ connection, namespace: testEnv.temporalNamespace });
  return {
    client,
    taskQueue,
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
      await nativeConnection.close();
    },
  };
}
