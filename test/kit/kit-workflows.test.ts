import { randomUUID } from 'node:crypto';
import { ActivityFailure, ApplicationFailure, WorkflowFailedError, WorkflowUpdateFailedError } from '@temporalio/client';
import { completeTaskUpdate } from '../../domain/workflow-kit/task-messages';
import { eventually } from '../support/eventually';
import { SAMPLE_STEP_FAILED, type StockCountOutcome } from './sample/sample-contract';
import { cancelSampleUpdate, sampleTimelineQuery } from './sample/sample-messages';
import { type sampleSaga } from './sample/sample-saga';
import { type sampleStockCount } from './sample/sample-stock-count';
import { startSampleWorker } from './support/sample-worker';

/**
 * The workflow kit (workflows/kit/) on a real Temporal server with injected fake activities (no
 * database): the saga undoes everything before a failing step, last first, past a failing undo, and
 * rethrows the step's error; a task wait reminds and escalates on its SLA, background messages that
 * fail land on the timeline, and undoing closes the open tasks.
 */
/** The failure a validator refused an Update with. */
async function refusalOf(update: Promise<unknown>): Promise<{ type: string | undefined; message: string } | null> {
  try {
    await update;
    return null;
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure)
      return { type: error.cause.type ?? undefined, message: error.cause.message };
    throw error;
  }
}

describe('workflow kit', () => {
  const calls: string[] = [];
  const failingUndos = new Set<string>();
  const failingNotifications = new Set<string>();
  let sample: Awaited<ReturnType<typeof startSampleWorker>>;

  beforeAll(async () => {
    sample = await startSampleWorker({
      doStep: async ({ step, fail }: { step: string; fail: boolean }) => {
        calls.push(`do ${step}`);
        if (fail) throw ApplicationFailure.nonRetryable(`step ${step} failed`, SAMPLE_STEP_FAILED);
        return Promise.resolve();
      },
      undoStep: async ({ step }: { step: string }) => {
        calls.push(`undo ${step}`);
        if (failingUndos.has(step)) throw ApplicationFailure.nonRetryable(`undo ${step} failed`, 'UNDO_FAILED');
        return Promise.resolve();
      },
      openTask: async ({ taskId }: { taskId: string }) => {
        calls.push('openTask');
        return Promise.resolve({ taskId });
      },
      escalateTask: async () => {
        calls.push('escalateTask');
        return Promise.resolve({ escalated: true });
      },
      recordTaskCompletion: async ({ outcome }: { outcome: StockCountOutcome }) => {
        calls.push(`recordTaskCompletion ${outcome.countedQuantity}`);
        return Promise.resolve({ completedAt: new Date().toISOString() });
      },
      closeWorkflowTasks: async ({ status }: { status: string }) => {
        calls.push(`closeWorkflowTasks ${status}`);
        return Promise.resolve({ closed: 1 });
      },
      sendNotification: async (request: { notificationId: string }) => {
        calls.push(`sendNotification ${request.notificationId}`);
        if (failingNotifications.has(request.notificationId))
          throw ApplicationFailure.nonRetryable('recipient refused', 'NOTIFICATION_UNDELIVERABLE');
        return Promise.resolve({ notificationId: request.notificationId, status: 'SENT', alreadySettled: false });
      },
    });
  });
  afterAll(() => sample.stop());
  beforeEach(() => {
    calls.length = 0;
    failingUndos.clear();
    failingNotifications.clear();
  });

  it('undoes every step before the one that failed, last first, keeps going past a failing undo and fails with the original error', async () => {
    failingUndos.add('B');
    const handle = await sample.client.workflow.start<typeof sampleSaga>('sampleSaga', {
      workflowId: `sample-saga:${randomUUID()}`,
      taskQueue: sample.taskQueue,
      args: [{ steps: ['A', 'B', 'C', 'D', 'E'], failAtStep: 'D' }],
    });
    const failure = await handle.result().then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    const cause = (failure as WorkflowFailedError).cause;
    expect(cause).toBeInstanceOf(ActivityFailure);
    expect((cause as ActivityFailure).cause).toMatchObject({ type: SAMPLE_STEP_FAILED, message: 'step D failed' });
    // D never succeeded, so it has no undo; E never ran. B's undo failed and A's still ran.
    expect(calls).toEqual(['do A', 'do B', 'do C', 'do D', 'undo C', 'undo B', 'undo A']);
  });

  it('a saga that succeeds undoes nothing', async () => {
    const result = await sample.client.workflow.execute<typeof sampleSaga>('sampleSaga', {
      workflowId: `sample-saga:${randomUUID()}`,
      taskQueue: sample.taskQueue,
      args: [{ steps: ['A', 'B'] }],
    });
    expect(result).toEqual({ done: ['A', 'B'] });
    expect(calls).toEqual(['do A', 'do B']);
  });

  it('reminds when the SLA is missed, escalates after the escalation delay, notes an undeliverable message and completes', async () => {
    failingNotifications.add('reminder-2');
    const handle = await sample.client.workflow.start<typeof sampleStockCount>('sampleStockCount', {
      workflowId: `sample-count:${randomUUID()}`,
      taskQueue: sample.taskQueue,
      args: [{ sku: 'SKU-1', storeCode: null, slaMs: 300, escalationDelayMs: 300, reminderNotificationIds: ['reminder-1', 'reminder-2'] }],
    });
    const escalated = await eventually(
      () => handle.query(sampleTimelineQuery),
      (timeline) => ['NOTIFICATION_FAILED', 'COUNT_ESCALATED'].every((step) => timeline.entries.some((entry) => entry.step === step)),
    );
    expect(escalated.entries.map((entry) => entry.step)).toEqual(['COUNT', 'COUNT_REMINDER', 'NOTIFICATION_FAILED', 'COUNT_ESCALATED']);
    expect(escalated.openTask?.type).toBe('ESCALATION');
    expect(escalated.entries.find((entry) => entry.step === 'NOTIFICATION_FAILED')?.outcome).toBe(
      'Count reminder not delivered: recipient refused',
    );

    const taskId = escalated.openTask!.taskId;
    const actor = { userId: null, label: 'clerk@example.test' };
    await expect(
      refusalOf(handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, actor, outcome: { type: 'PICK', lines: [] } }] })),
    ).resolves.toEqual({ type: 'TASK_NOT_CURRENT', message: 'This is a ESCALATION task, not PICK' });
    await expect(
      refusalOf(
        handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, actor, outcome: { type: 'ESCALATION', countedQuantity: -1 } }] }),
      ),
    ).resolves.toEqual({ type: 'INVALID_DATA', message: 'Count whole units' });
    const answer = await handle.executeUpdate(completeTaskUpdate, {
      args: [{ taskId, actor, outcome: { type: 'ESCALATION', countedQuantity: 7 } }],
    });
    expect(answer).toMatchObject({ taskId, completed: true, taskStatus: 'DONE' });
    expect(await handle.result()).toEqual({ finalStep: 'COUNTED', countedQuantity: 7 });
    // The two reminders go out side by side, in either order, before the escalation.
    expect([...calls.slice(0, 1), ...calls.slice(1, 3).sort(), ...calls.slice(3)]).toEqual([
      'openTask',
      'sendNotification reminder-1',
      'sendNotification reminder-2',
      'escalateTask',
      'recordTaskCompletion 7',
    ]);
    // The run has closed: nobody takes the Update any more.
    await expect(
      handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, actor, outcome: { type: 'ESCALATION', countedQuantity: 7 } }] }),
    ).rejects.toThrow(/already completed/);
  });

  it('a cancellation interrupts the wait, closes the open task through the compensations and answers the timeline', async () => {
    const handle = await sample.client.workflow.start<typeof sampleStockCount>('sampleStockCount', {
      workflowId: `sample-count:${randomUUID()}`,
      taskQueue: sample.taskQueue,
      args: [{ sku: 'SKU-2', storeCode: null, slaMs: 60_000, escalationDelayMs: 60_000, reminderNotificationIds: [] }],
    });
    const open = await eventually(
      () => handle.query(sampleTimelineQuery),
      (timeline) => timeline.openTask !== null,
    );
    expect(open.openTask).not.toBeNull();
    const timeline = await handle.executeUpdate(cancelSampleUpdate, {
      args: [{ reason: 'Not needed', actor: { userId: null, label: 'lead@example.test' } }],
    });
    expect(timeline.currentStep).toBe('CANCELLED');
    expect(timeline.openTask).toBeNull();
    expect(timeline.entries.at(-1)).toMatchObject({ step: 'CANCEL', outcome: 'Cancelled', actor: 'lead@example.test' });
    expect(await handle.result()).toEqual({ finalStep: 'CANCELLED', countedQuantity: null });
    expect(calls).toEqual(['openTask', 'closeWorkflowTasks CANCELLED']);
  });
});
