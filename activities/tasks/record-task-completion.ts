import { recordAudit } from '../../db/audit/record-audit';
import { ConflictError } from '../../domain/errors';
import { type ProcessActor } from '../../domain/workflow-kit/process-actor';
import { type TaskOutcomeBase } from '../../domain/workflow-kit/task-outcome';
import { type Prisma, type TaskStatus } from '../../prisma/client';
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
        const [task] = await tx.$queryRaw<{ status: TaskStatus; workflow_id: string; completed_at: Date | null }[]>`
          SELECT status::text AS status, workflow_id, completed_at FROM tasks WHERE id = ${taskId}::uuid FOR UPDATE`;
        if (task === undefined) throw new ConflictError(`Task ${taskId} no longer exists`);
        if (task.status === 'DONE') return { completedAt: (task.completed_at ?? new Date()).toISOString() };
        if (task.status !== 'OPEN' && task.status !== 'CLAIMED') throw new ConflictError(`Task ${taskId} is ${task.status}`);
        const completedAt = new Date();
        await tx.task.update({
          where: { id: taskId },
          data: {
            status: 'DONE',
            outcome: { ...outcome } as Prisma.InputJsonObject,
            completedAt,
            completedByUserId: actor.userId,
            ...(actor.userId !== null && { assigneeUserId: actor.userId }),
          },
        });
        await recordAudit(tx, {
          actor,
          action: 'task.complete',
          entityType: 'Task',
          entityId: taskId,
          before: { status: task.status },
          after: { status: 'DONE', outcome },
          workflowId: task.workflow_id,
          requestId,
        });
        return { completedAt: completedAt.toISOString() };
      }),
    );
  };
}
