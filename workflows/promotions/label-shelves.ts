import { ApplicationFailure, condition, defineSignal, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { SHELF_LABEL_TASK, type ShelfLabelPhase } from '../../domain/promotions/promotion-tasks';
import { defaultPromotionFlowSettings, type PromotionFlowSettings } from '../../domain/promotions/promotion-workflow';
import {
  completeTaskUpdate,
  TASK_NOT_CURRENT,
  type CompleteTaskRequest,
  type CompleteTaskResult,
} from '../../domain/workflow-kit/task-messages';
import { activityProfiles } from '../kit/activity-profiles';

const { openShelfLabelTasks, recordTaskCompletion, closeWorkflowTasks } = proxyActivities<
  Pick<Activities, 'openShelfLabelTasks' | 'recordTaskCompletion' | 'closeWorkflowTasks'>
>(activityProfiles.db);

export interface LabelShelvesInput {
  promotionId: string;
  phase: ShelfLabelPhase;
  storeCode: string;
  flow?: PromotionFlowSettings;
}

export interface LabelShelvesResult {
  storeCode: string;
  phase: ShelfLabelPhase;
  parts: number;
  skuCount: number;
  done: number;
  /** DONE: every part completed; SUPERSEDED: the end came first (START only); EXPIRED: nobody completed it in time. */
  outcome: 'DONE' | 'SUPERSEDED' | 'EXPIRED';
}

/** The promotion ends while the start's labels are still open: they are closed, the end's tasks replace them. */
export const shelfLabelsSupersededSignal = defineSignal('shelfLabelsSuperseded');

/**
 * One store's shelf labels for a promotion's start or end (`promo:<id>:shelf-labels:<phase>:<store>`):
 * opens the store's SHELF_LABEL tasks (one per `shelfLabelSkusPerTask` SKUs) and takes their completions,
 * any number of them, in any order, through the kit's completeTask Update. A run of its own per store, so
 * the promotion's run neither waits for the shelves nor carries their completions in its history.
 */
export async function labelShelves(input: LabelShelvesInput): Promise<LabelShelvesResult> {
  const flow = input.flow ?? defaultPromotionFlowSettings;
  const done = new Set<string>();
  let closed = false;
  let applying = 0;
  let superseded = false;
  setHandler(shelfLabelsSupersededSignal, () => {
    superseded = true;
  });
  setHandler(
    completeTaskUpdate,
    async ({ taskId, actor, outcome, requestId }): Promise<CompleteTaskResult> => {
      done.add(taskId);
      applying += 1;
      try {
        await recordTaskCompletion({ taskId, actor, outcome, requestId });
      } finally {
        applying -= 1;
      }
      return { taskId, completed: true, taskStatus: 'DONE', message: 'Shelf labels changed' };
    },
    {
      validator: ({ taskId, outcome }: CompleteTaskRequest) => {
        if (outcome.type !== SHELF_LABEL_TASK)
          throw ApplicationFailure.create({ type: TASK_NOT_CURRENT, message: `This is a ${SHELF_LABEL_TASK} task, not ${outcome.type}` });
        if (closed || done.has(taskId))
          throw ApplicationFailure.create({ type: TASK_NOT_CURRENT, message: 'These shelf labels are already done or closed' });
      },
    },
  );
  const dueAt = new Date(new Date().getTime() + flow.shelfLabelSlaMs).toISOString();
  const { parts, skuCount } = await openShelfLabelTasks({
    promotionId: input.promotionId,
    phase: input.phase,
    storeCode: input.storeCode,
    skusPerTask: flow.shelfLabelSkusPerTask,
    dueAt,
  });
  const result = (outcome: LabelShelvesResult['outcome']): LabelShelvesResult => ({
    storeCode: input.storeCode,
    phase: input.phase,
    parts,
    skuCount,
    done: done.size,
    outcome,
  });
  if (parts === 0) return result('DONE');
  await condition(() => done.size >= parts || superseded, flow.shelfLabelSlaMs + flow.shelfLabelExpiryMs);
  closed = true;
  // A completion being applied is recorded before the rest is closed.
  await condition(() => applying === 0);
  if (done.size >= parts) return result('DONE');
  await closeWorkflowTasks({ workflowId: workflowInfo().workflowId, status: superseded ? 'CANCELLED' : 'EXPIRED' });
  return result(superseded ? 'SUPERSEDED' : 'EXPIRED');
}
