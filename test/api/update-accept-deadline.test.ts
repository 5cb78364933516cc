import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { executeUpdateAcceptedWithin } from '../../api/http/accepted-update';
import { withWorkflowRefusals } from '../../api/http/workflow-refusals';
import { ServiceUnavailableError } from '../../domain/errors';
import { completeTaskUpdate } from '../../domain/workflow-kit/task-messages';
import { testEnv } from '../support/env';

/**
 * A task completion while no worker can take it (every worker down, or a cluster whose history service
 * cannot hand the run to one) is answered 503 within the accept deadline, not held for as long as the
 * outage lasts: a real server and a run on a task queue nobody polls, so the Update is never accepted.
 * Without the deadline the call would wait until jest's timeout and the test fails.
 */
describe('task completion that no worker takes', () => {
  let connection: Connection;
  let client: Client;
  const workflowId = `accept-deadline-${randomUUID()}`;

  beforeAll(async () => {
    connection = await Connection.connect({ address: testEnv.temporalAddress });
    client = new Client({ connection, namespace: testEnv.temporalNamespace });
    await client.workflow.start('nobodyRunsThisWorkflow', { taskQueue: `unpolled-${randomUUID()}`, workflowId, args: [] });
  });
  afterAll(async () => {
    await client.workflow.getHandle(workflowId).terminate('test over');
    await connection.close();
  });

  it('answers 503 (ServiceUnavailableError) once the accept deadline passes', async () => {
    const request = { taskId: randomUUID(), actor: { userId: randomUUID(), label: 'clerk@example.test' }, outcome: { type: 'PICK' } };
    const started = Date.now();
    const error = await withWorkflowRefusals(() =>
      executeUpdateAcceptedWithin(client, workflowId, completeTaskUpdate, [request], 2000),
    ).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect((error as ServiceUnavailableError).httpStatus).toBe(503);
    // It waited for the deadline, not failed at once for some other reason.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
  }, 30_000);
});
