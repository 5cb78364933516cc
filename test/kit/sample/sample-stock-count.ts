import { ApplicationFailure, allHandlersFinished, condition, setHandler, uuid4, workflowInfo } from '@temporalio/workflow';
import { workflowActor } from '../../../domain/workflow-kit/process-actor';
import { searchAttributes } from '../../../domain/workflow-kit/search-attributes';
import { db } from '../../../workflows/kit/activity-proxies';
import { BackgroundDeliveries } from '../../../workflows/kit/background-deliveries';
import { Compensations } from '../../../workflows/kit/saga';
import { ShownSearchAttributes } from '../../../workflows/kit/shown-search-attributes';
import { TaskInbox } from '../../../workflows/kit/task-inbox';
import { TaskWaits } from '../../../workflows/kit/task-waits';
import { TimelineRecorder } from '../../../workflows/kit/timeline-recorder';
import {
  type SampleCancelRequest,
  type SampleStockCountInput,
  type SampleStockCountResult,
  type SampleTimeline,
  type StockCountOutcome,
} from './sample-contract';
import { cancelSampleUpdate, SAMPLE_NOT_CANCELLABLE, sampleTimelineQuery } from './sample-messages';

const SAMPLE_ACTOR = workflowActor('sample');

/* The run starts at COUNTING (the starter sets CurrentStep); `enter` reports every later step. */

/** A person counts a SKU; the count is late (reminder), later still (escalation), or cancelled. */
export async function sampleStockCount(input: SampleStockCountInput): Promise<SampleStockCountResult> {
  const workflowId = workflowInfo().workflowId;
  const timeline = new TimelineRecorder();
  const inbox = new TaskInbox<StockCountOutcome>();
  const compensations = new Compensations<{ reason: string }>();
  const deliveries = new BackgroundDeliveries(timeline);
  let cancellation: SampleCancelRequest | null = null;
  let step = 'COUNTING';
  let finished = false;
  const shown = new ShownSearchAttributes([searchAttributes.currentStep]);
  const enter = (next: string) => {
    step = next;
    shown.show([{ key: searchAttributes.currentStep, value: next }]);
  };
  const waits = new TaskWaits({
    workflowId,
    inbox,
    compensations,
    interrupted: () => cancellation !== null,
    closedTaskStatus: () => 'CANCELLED',
  });
  const view = (): SampleTimeline => ({ currentStep: step, openTask: inbox.openTask, entries: timeline.snapshot() });

  inbox.install();
  setHandler(sampleTimelineQuery, view);
  setHandler(
    cancelSampleUpdate,
    async (request) => {
      cancellation ??= request;
      await condition(() => finished);
      return view();
    },
    {
      validator: (_request: SampleCancelRequest) => {
        if (finished || step !== 'COUNTING') throw ApplicationFailure.create({ type: SAMPLE_NOT_CANCELLABLE, message: `It is ${step}` });
      },
    },
  );

  const taskId = uuid4();
  let counted: { outcome: StockCountOutcome; actor: string } | null = null;
  inbox.expect({
    taskId,
    type: 'ESCALATION',
    validate: ({ outcome }) => {
      if (!Number.isInteger(outcome.countedQuantity) || outcome.countedQuantity < 0)
        throw ApplicationFailure.create({
          type: 'INVALID_DATA',
          message: 'Count whole units',
          details: [{ countedQuantity: 'whole units' }],
        });
    },
    handle: async ({ outcome, actor }) => {
      await db.recordTaskCompletion({ taskId, actor, outcome });
      counted = { outcome, actor: actor.label };
      return { taskId, completed: true, taskStatus: 'DONE', message: 'Count recorded' };
    },
  });
  await db.openTask({
    taskId,
    idempotencyKey: `count:${workflowId}`,
    type: 'ESCALATION',
    queue: 'STORE',
    title: `Count ${input.sku}`,
    storeCode: input.storeCode,
    workflowId,
    dueAt: waits.dueIn(input.slaMs),
    payload: { sku: input.sku },
  });
  waits.closeTasksOnUndo();
  const entry = timeline.begin('COUNT');
  await waits.waitWithEscalation(() => counted !== null, {
    slaMs: input.slaMs,
    onSlaMissed: async () => {
      deliveries.send(
        input.reminderNotificationIds.map((notificationId) => ({ notificationId })),
        'Count reminder',
      );
      timeline.note('COUNT_REMINDER', 'SLA missed: staff reminded');
      return Promise.resolve();
    },
    escalationDelayMs: input.escalationDelayMs,
    onEscalated: async () => {
      await db.escalateTask({ taskId });
      timeline.note('COUNT_ESCALATED', 'Escalated to the manager queue');
    },
  });
  inbox.close();

  const result = counted as { outcome: StockCountOutcome; actor: string } | null;
  if (result === null) {
    const cancelled = cancellation as SampleCancelRequest | null;
    enter('CANCELLING');
    timeline.end(entry, 'Cancelled before the count');
    const { failed } = await compensations.runAll({ reason: cancelled?.reason ?? 'Cancelled' });
    enter('CANCELLED');
    timeline.note(
      'CANCEL',
      failed.length === 0 ? 'Cancelled' : `Cancelled; failed: ${failed.map((item) => item.name).join(', ')}`,
      cancelled?.actor.label ?? SAMPLE_ACTOR.label,
    );
  } else {
    enter('COUNTED');
    timeline.end(entry, `Counted ${result.outcome.countedQuantity}`, result.actor);
  }
  await deliveries.settled();
  finished = true;
  await condition(allHandlersFinished);
  return { finalStep: step === 'COUNTED' ? 'COUNTED' : 'CANCELLED', countedQuantity: result?.outcome.countedQuantity ?? null };
}
