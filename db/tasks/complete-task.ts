import { recordAudit } from '../audit/record-audit';
import { ConflictError } from '../../domain/errors';
import { type ProcessActor } from '../../domain/workflow-kit/process-actor';
import { type Prisma } from '../../prisma/client';

/** A task row locked for its completion. */
export interface TaskForCompletion {
  status: string;
  store_id: string | null;
  workflow_id: string;
  completed_at: Date | null;
}

/**
 * Locks a task for a person's completion, in the caller's transaction: the row when it is open or claimed,
 * `DONE` when this completion (or a repeat of it) already went through, CONFLICT when it is gone or was
 * closed another way (cancelled, expired).
 */
export async function lockTaskForCompletion(tx: Prisma.TransactionClient, taskId: string): Promise<TaskForCompletion> {
  const [task] = await tx.$queryRaw<TaskForCompletion[]>`
    SELECT status::text AS status, store_id, workflow_id, completed_at FROM tasks WHERE id = ${taskId}::uuid FOR UPDATE`;
  if (task === undefined) throw new ConflictError(`Task ${taskId} no longer exists`);
  if (task.status !== 'DONE' && task.status !== 'OPEN' && task.status !== 'CLAIMED')
    throw new ConflictError(`Task ${taskId} is ${task.status}`);
  return task;
}

export interface TaskDone {
  taskId: string;
  actor: ProcessActor;
  outcome: object;
  completedAt: Date;
  requestId?: string;
}

/** Marks a task locked by `lockTaskForCompletion` DONE with who did it and the outcome, and audits it. */
export async function markTaskDone(tx: Prisma.TransactionClient, task: TaskForCompletion, done: TaskDone): Promise<void> {
  await tx.task.update({
    where: { id: done.taskId },
    data: {
      status: 'DONE',
      outcome: { ...done.outcome },
      completedAt: done.completedAt,
      completedByUserId: done.actor.userId,
      ...(done.actor.userId !== null && { assigneeUserId: done.actor.userId }),
    },
  });
  await recordAudit(tx, {
    actor: done.actor,
    action: 'task.complete',
    entityType: 'Task',
    entityId: done.taskId,
    before: { status: task.status },
    after: { status: 'DONE', outcome: done.outcome },
    workflowId: task.workflow_id,
    requestId: done.requestId,
  });
}
