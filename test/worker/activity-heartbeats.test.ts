import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Context } from '@temporalio/activity';
import { TimeoutType } from '@temporalio/common';
import { DefaultLogger, NativeConnection, Runtime, Worker, type WorkerOptions } from '@temporalio/worker';
import { Client, Connection } from '@temporalio/client';
import { livenessHeartbeatOptions } from '../../worker/create-worker';
import { testEnv } from '../support/env';
import { runQuietActivity, type QuietActivities } from './support/quiet-activity-workflow';

/**
 * The kit's activities have a 10 s heartbeat timeout (a SIGKILLed worker's attempt is retried within
 * seconds instead of after its start-to-close timeout), and most of them never call heartbeat():
 * the worker's interceptor heartbeats for them while they run. Shown on a real server with a 1 s heartbeat
 * timeout and an activity that works 3 s without a heartbeat of its own: with the worker's heartbeat
 * options it finishes on its first attempt; without them (the control) the server declares it dead.
 */
describe('liveness heartbeats of every activity with a heartbeat timeout', () => {
  let nativeConnection: NativeConnection;
  let connection: Connection;
  let client: Client;

  beforeAll(async () => {
    try {
      Runtime.install({ logger: new DefaultLogger('WARN') });
    } catch {
      // Installed already by another test file in this jest worker.
    }
    nativeConnection = await NativeConnection.connect({ address: testEnv.temporalAddress });
    connection = await Connection.connect({ address: testEnv.temporalAddress });
    client = new Client({ connection, namespace: testEnv.temporalNamespace });
  });

  afterAll(async () => {
    await connection?.close();
    await nativeConnection?.close();
  });

  async function runWith(options: Partial<WorkerOptions>): Promise<{ attempt?: number; timedOut?: string }> {
    const taskQueue = `heartbeats-${randomUUID()}`;
    const activities: QuietActivities = {
      async workQuietly(ms) {
        await sleep(ms);
        return { attempt: Context.current().info.attempt };
      },
    };
    const worker = await Worker.create({
      connection: nativeConnection,
      namespace: testEnv.temporalNamespace,
      taskQueue,
      workflowsPath: path.join(__dirname, 'support', 'quiet-activity-workflow.ts'),
      activities,
      shutdownGraceTime: 1000,
      ...options,
    });
    return worker.runUntil(
      client.workflow.execute(runQuietActivity, { taskQueue, workflowId: `heartbeats-${randomUUID()}`, args: [3000] }),
    );
  }

  it('keeps a live attempt alive past its heartbeat timeout', async () => {
    const result = await runWith({
      interceptors: { activity: [...livenessHeartbeatOptions.activityInterceptors] },
      maxHeartbeatThrottleInterval: livenessHeartbeatOptions.maxHeartbeatThrottleInterval,
    });
    expect(result).toEqual({ attempt: 1 });
  });

  it('without them the same attempt is declared dead after the heartbeat timeout (the control)', async () => {
    const result = await runWith({});
    expect(result).toEqual({ timedOut: String(TimeoutType.HEARTBEAT) });
  });
});
