import { type Client } from '@temporalio/client';
import { type Actor } from '../../../domain/auth/roles';
import { ConflictError, InvalidDataError } from '../../../domain/errors';
import { completeTaskUpdate, type CompleteTaskResult } from '../../../domain/workflow-kit/task-messages';
import { type Prisma, type PrismaClient } from '../../../prisma/client';
import { executeUpdateAcceptedWithin } from '../../http/accepted-update';
import { fieldErrorsOf } from '../../http/validate';
import { withWorkflowRefusals } from '../../http/workflow-refusals';
import { type WorkflowRegistry } from '../../workflow-registry/workflow-registry';

type Task = Prisma.TaskGetPayload<object>;

const closedStatusMessages: Partial<Record<Task['status'], string>> = {
  DONE: 'This task has already been completed',
  CANCELLED: 'This task was cancelled: its order is closed',
  EXPIRED: 'This task expired: its order was not collected in time',
  LOCKED: 'This task is locked after too many wrong codes; a store manager must unlock it',
};

/**
 * Completes a task for a person: checks its state, validates the body against the schema its task type
 * registered (api/workflow-registry/), turns it into the outcome the workflow receives (for a hand-over:
 * whether the code matched the stored hash, never the code) and forwards it as the completeTask Update.
 * Temporal gets `acceptTimeoutMs` to take the completion (503 past it: accepted-update.ts).
 * Answers the workflow's result; an outcome recorded without completing (a wrong code) is a 400 on the
 * `code` field, a lock a 409.
 */
export async function completeTask(
  deps: { prisma: PrismaClient; client: Client; workflows: WorkflowRegistry; acceptTimeoutMs: number },
  actor: Actor,
  task: Task,
  body: unknown,
  requestId?: string,
): Promise<CompleteTaskResult> {
  const closed = closedStatusMessages[task.status];
  if (closed !== undefined) throw new ConflictError(closed);
  const registration = deps.workflows.taskOutcomeOf(task.type);
  if (registration === undefined) throw new ConflictError(`${task.type} tasks are not completed here`);

  const parsed = registration.bodySchema.safeParse(body);
  if (!parsed.success) throw new InvalidDataError('The request has invalid fields', fieldErrorsOf(parsed.error.issues, 'body'));
  const outcome = await registration.toOutcome(parsed.data, task, { prisma: deps.prisma });

  const result = await withWorkflowRefusals(() =>
    executeUpdateAcceptedWithin(
      deps.client,
      task.workflowId,
      completeTaskUpdate,
      [{ taskId: task.id, actor: { userId: actor.userId, label: actor.email }, outcome, requestId }],
      deps.acceptTimeoutMs,
    ),
  );
  if (!result.completed && result.taskStatus === 'LOCKED') throw new ConflictError(result.message);
  if (!result.completed) throw new InvalidDataError(result.message, { code: result.message });
  return result;
}
