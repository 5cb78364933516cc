import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createCloseWorkflowTasks } from '../../activities/tasks/close-workflow-tasks';
import { createEscalateTask } from '../../activities/tasks/escalate-task';
import { createOpenTask } from '../../activities/tasks/open-task';
import { createRecordTaskCompletion } from '../../activities/tasks/record-task-completion';
import { registeredWorkflows } from '../../api/workflow-registry/registered-workflows';
import { searchAttributes } from '../../domain/workflow-kit/search-attributes';
import { bodyOf, demoLogin, type ErrorBody, startTestApi, type TestApi } from '../api/support/test-app';
import { eventually } from '../support/eventually';
import { sampleStockCountWorkflow } from './sample/sample-definition';
import { type sampleStockCount } from './sample/sample-stock-count';
import { sampleRegistryLine } from './support/sample-registry-line';
import { startSampleWorker } from './support/sample-worker';

interface RunBody {
  id: string;
  type: string;
  domain: string | null;
  status: string;
  currentStep: string | null;
  storeCode: string | null;
  timeline: {
    currentStep: string;
    openTask: { taskId: string; type: string } | null;
    entries: { step: string; outcome: string | null }[];
  } | null;
  steps: { name: string; label: string; cancellable: boolean }[];
}

const storeCode = 'AMS-01';

/**
 * Registering a workflow is one registry line: the sample stock count (test/kit/sample/, registered only
 * here) becomes listable, timeline-readable, cancellable and task-completable through the real API, real
 * PostgreSQL (its tasks are real rows) and a real Temporal server, with none of those routes touched.
 * The same run seen through the production registry has no timeline and no steps.
 */
describe('a sample workflow registered in the registry', () => {
  let api: TestApi;
  let unregistered: TestApi;
  let sample: Awaited<ReturnType<typeof startSampleWorker>>;
  const tokens: Record<string, string> = {};
  const as = (email: string) => `Bearer ${tokens[email]}`;

  beforeAll(async () => {
    api = startTestApi({ workflows: registeredWorkflows.with(sampleRegistryLine) });
    unregistered = startTestApi();
    const { prisma } = api;
    sample = await startSampleWorker({
      openTask: createOpenTask({ prisma }),
      recordTaskCompletion: createRecordTaskCompletion({ prisma }),
      closeWorkflowTasks: createCloseWorkflowTasks({ prisma }),
      escalateTask: createEscalateTask({ prisma }),
    });
    for (const email of [demoLogin.admin, demoLogin.amsterdamStaff]) tokens[email] = await api.tokenFor(email);
  });
  afterAll(async () => {
    await sample.stop();
    await api.close();
    await unregistered.close();
  });

  async function startCount() {
    const workflowId = sampleStockCountWorkflow.workflowIdOf(randomUUID());
    const handle = await sample.client.workflow.start<typeof sampleStockCount>(sampleStockCountWorkflow.type, {
      workflowId,
      taskQueue: sample.taskQueue,
      args: [{ sku: 'APP-CHN-BLK', storeCode, slaMs: 120_000, escalationDelayMs: 120_000, reminderNotificationIds: [] }],
      typedSearchAttributes: [
        { key: searchAttributes.businessKey, value: workflowId },
        { key: searchAttributes.workflowDomain, value: sampleStockCountWorkflow.domain },
        { key: searchAttributes.storeCode, value: storeCode },
        { key: searchAttributes.currentStep, value: 'COUNTING' },
      ],
    });
    const task = await eventually(
      () => api.prisma.task.findFirst({ where: { workflowId } }),
      (row) => row !== null,
    );
    if (task === null) throw new Error(`the sample run ${workflowId} opened no task`);
    return { handle, workflowId, task };
  }

  const readRun = async (workflowId: string, on: TestApi = api, email: string = demoLogin.admin) => {
    const response = await request(on.app)
      .get(`/api/workflows/${encodeURIComponent(workflowId)}`)
      .set('Authorization', as(email));
    expect(response.status).toBe(200);
    return bodyOf<RunBody>(response);
  };

  it('is listed, its timeline and steps are read through its query, and its ESCALATION task is completed with its registered outcome', async () => {
    const { handle, workflowId, task } = await startCount();

    const listed = await eventually(
      async () =>
        bodyOf<RunBody[]>(
          await request(api.app)
            .get('/api/workflows')
            .query({ filter: JSON.stringify({ domain: 'sample', q: workflowId }) })
            .set('Authorization', as(demoLogin.amsterdamStaff)),
        ),
      (rows) => rows.length > 0,
    );
    expect(listed).toEqual([
      expect.objectContaining({ id: workflowId, type: 'sampleStockCount', domain: 'sample', storeCode, currentStep: 'COUNTING' }),
    ]);

    const run = await readRun(workflowId);
    expect(run.timeline).toEqual({
      currentStep: 'COUNTING',
      openTask: { taskId: task.id, type: 'ESCALATION' },
      entries: [expect.objectContaining({ step: 'COUNT', outcome: null })],
    });
    expect(run.steps).toEqual([
      { name: 'COUNTING', label: 'Counting', cancellable: true },
      { name: 'CANCELLING', label: 'Cancelling', cancellable: false },
      { name: 'COUNTED', label: 'Counted', cancellable: false },
      { name: 'CANCELLED', label: 'Cancelled', cancellable: false },
    ]);
    // Without its registry line the API knows nothing of the type: no timeline, no steps, no completion.
    const unknown = await readRun(workflowId, unregistered);
    expect(unknown).toMatchObject({ timeline: null, steps: [] });
    const refused = await request(unregistered.app)
      .post(`/api/tasks/${task.id}/complete`)
      .set('Authorization', `Bearer ${await unregistered.tokenFor(demoLogin.amsterdamStaff)}`)
      .send({ countedQuantity: 12 });
    // No outcome is registered for the task's type: refused before anything reaches the run.
    expect(refused.status).toBe(409);
    expect((refused.body as { message: string }).message).toBe('ESCALATION tasks are not completed here');
    expect(await api.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'OPEN' });

    const invalid = await request(api.app)
      .post(`/api/tasks/${task.id}/complete`)
      .set('Authorization', as(demoLogin.amsterdamStaff))
      .send({ countedQuantity: -3 });
    expect(invalid.status).toBe(400);
    expect(Object.keys(bodyOf<ErrorBody>(invalid).errors ?? {})).toEqual(['countedQuantity']);
    expect(await api.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'OPEN' });

    const completed = await request(api.app)
      .post(`/api/tasks/${task.id}/complete`)
      .set('Authorization', as(demoLogin.amsterdamStaff))
      .send({ countedQuantity: 12 });
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ id: task.id, status: 'DONE', outcome: { type: 'ESCALATION', countedQuantity: 12 } });
    expect(await handle.result()).toEqual({ finalStep: 'COUNTED', countedQuantity: 12 });
    expect((await readRun(workflowId)).timeline?.entries.at(-1)).toMatchObject({ step: 'COUNT', outcome: 'Counted 12' });
  });

  it('is cancelled through the cancel Update its definition names: the open task is closed, a second cancel is a 409', async () => {
    const { handle, workflowId, task } = await startCount();
    const cancelled = await request(api.app)
      .post(`/api/workflows/${encodeURIComponent(workflowId)}/cancel`)
      .set('Authorization', as(demoLogin.admin))
      .send({ reason: 'Count not needed any more' });
    expect(cancelled.status).toBe(200);
    expect(bodyOf<RunBody>(cancelled)).toMatchObject({ status: 'COMPLETED', currentStep: 'CANCELLED' });
    expect(bodyOf<RunBody>(cancelled).timeline?.entries.at(-1)).toMatchObject({ step: 'CANCEL', outcome: 'Cancelled' });
    // Completed, not Temporal-cancelled: the run wound itself down (its compensation closed the task).
    expect(await handle.result()).toEqual({ finalStep: 'CANCELLED', countedQuantity: null });
    expect(await api.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'CANCELLED' });

    const again = await request(api.app)
      .post(`/api/workflows/${encodeURIComponent(workflowId)}/cancel`)
      .set('Authorization', as(demoLogin.admin))
      .send({ reason: 'Count not needed any more' });
    expect(again.status).toBe(409);
  });
});
