import { ConflictError } from '../../domain/errors';
import { type ProcessActor } from '../../domain/workflow-kit/process-actor';
import { type TaskOutcomeBase } from '../../domain/workflow-kit/task-outcome';
import { type Prisma } from '../../prisma/client';
import { type ActivityDeps } from '../deps';
import { withActivityFailures } from '../inventory/to-activity-failure';

/**
 * Marks a task done with who did it and the outcome, once: a repeat by the same completion is a no-op,
 * while a task already closed another way (cancelled, expired) is a CONFLICT.
 */
export function createRecordTaskCompletion({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function recordTaskCompletion({
    taskId,
    actor,
    outcome,
  }: {
    taskId: string;
    actor: ProcessActor;
    outcome: TaskOutcomeBase;
  }): Promise<{ completedAt: string }> {
    return withActivityFailures(async () => {
      const { count } = await prisma.task.updateMany({
        where: { id: taskId, status: { in: ['OPEN', 'CLAIMED'] } },
        data: {
          status: 'DONE',
          outcome: { ...outcome } as Prisma.InputJsonObject,
          completedAt: new Date(),
          completedByUserId: actor.userId,
          ...(actor.userId !== null && { assigneeUserId: actor.userId }),
        },
      });
      const task = await prisma.task.findUniqueOrThrow({ where: { id: taskId }, select: { status: true, completedAt: true } });
      if (count === 0 && task.status !== 'DONE') throw new ConflictError(`Task ${taskId} is ${task.status}`);
      return { completedAt: (task.completedAt ?? new Date()).toISOString() };
    });
  };
}
