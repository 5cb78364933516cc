import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { createPrismaClient, type PrismaClient } from '../../prisma/client';
import { checkPipeline } from '../../workflows';
import { testEnv } from '../support/env';
import { saveHistoryIfRecording } from '../support/histories';
import { startTestWorker } from '../support/temporal';

describe('checkPipeline through the real Temporal server', () => {
  let prisma: PrismaClient;
  let env: Awaited<ReturnType<typeof startTestWorker>>;

  beforeAll(async () => {
    prisma = createPrismaClient({ databaseUrl: testEnv.databaseUrl });
    env = await startTestWorker({ prisma });
  });

  afterAll(async () => {
    await env?.stop();
    await prisma?.$disconnect();
  });

  it('runs a workflow whose activity reads PostgreSQL, and returns the result to the caller', async () => {
    const workflowId = `check-pipeline:${Date.now()}`;
    const before = Date.now();
    const handle = await env.client.workflow.start(checkPipeline, {
      taskQueue: env.taskQueue,
      workflowId,
      args: [{ requestedBy: 'jest' }],
    });
    const result = await handle.result();

    expect(result.workflowId).toBe(workflowId);
    expect(result.requestedBy).toBe('jest');
    expect(result.databaseVersion).toMatch(/^\d+/);
    const dbTime = Date.parse(result.databaseTime);
    expect(dbTime).toBeGreaterThanOrEqual(before - 5_000);
    expect(dbTime).toBeLessThanOrEqual(Date.now() + 5_000);

    const description = await handle.describe();
    expect(description.status.name).toBe('COMPLETED');
    await saveHistoryIfRecording(handle, 'check-pipeline');
  });

  it('rejects a second start with the same business key while the first is known', async () => {
    const workflowId = `check-pipeline:dup:${Date.now()}`;
    const options = { taskQueue: env.taskQueue, workflowId, args: [{ requestedBy: 'jest' }] as [{ requestedBy: string }] };
    const first = await env.client.workflow.start(checkPipeline, { ...options, workflowIdReusePolicy: 'REJECT_DUPLICATE' });
    await first.result();
    await expect(
      env.client.workflow.start(checkPipeline, { ...options, workflowIdReusePolicy: 'REJECT_DUPLICATE' }),
    ).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
  });
});
