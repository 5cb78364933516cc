import { lockTaskForCompletion, markTaskDone } from '../../db/tasks/complete-task';
import { type ProcessActor } from '../../domain/workflow-kit/process-actor';
import { type TaskOutcomeBase } from '../../domain/workflow-kit/task-outcome';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';

export interface RecordTaskCompletionRequest {
  taskId: string;
  actor: ProcessActor;
  outcome: TaskOutcomeBase;
  /** The API request that submitted the completion, for the audit trail (absent in runs started before it was passed). */
  requestId?: string;
}

/**
 * Marks a task done with who did it and the outcome, once, and audits it in the same transaction (the
 * person's completion is the change): a repeat by the same completion is a no-op that writes nothing,
 * while a task already closed another way (cancelled, expired) is a CONFLICT.
 */
export function createRecordTaskCompletion({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function recordTaskCompletion({
    taskId,
    actor,
    outcome,
    requestId,
  }: RecordTaskCompletionRequest): Promise<{ completedAt: string }> {
    return withTemporalFailures(() =>
      prisma.$transaction(async (tx) => {
        const task = await lockTaskForCompletion(tx, taskId);
        if (task.status === 'DONE') return { completedAt: (task.completed_at ?? new Date()).toISOString() };
        const completedAt = new Date();
        await markTaskDone(tx, task, { taskId, actor, outcome, completedAt, requestId });
        return { completedAt: completedAt.toISOString() };
      }),
    );
  };
}
