import { type Client } from '@temporalio/client';
import { type Actor } from '../../../domain/auth/roles';
import { ConflictError, InvalidDataError } from '../../../domain/errors';
import { pickupCodeMatches } from '../../../domain/pickup/pickup-code';
import { completableTaskBodySchemas, isCompletableTaskType, type TaskOutcome } from '../../../domain/tasks/task-outcomes';
import { type PrismaClient, type Prisma } from '../../../prisma/client';

type Task = Prisma.TaskGetPayload<object>;
import { completeTaskUpdate, type CompleteTaskResult } from '../../../workflows/kit/task-messages';
import { fieldErrorsOf } from '../../http/validate';
import { withWorkflowRefusals } from '../../workflows/workflow-update-errors';

const closedStatusMessages: Partial<Record<Task['status'], string>> = {
  DONE: 'This task has already been completed',
  CANCELLED: 'This task was cancelled: its order is closed',
  EXPIRED: 'This task expired: its order was not collected in time',
  LOCKED: 'This task is locked after too many wrong codes; a store manager must unlock it',
};

/**
 * Completes a task for a person: checks its state, validates the body against the task type's schema,
 * turns it into the outcome the workflow receives (for a hand-over: whether the code matched the stored
 * hash, never the code) and forwards it as the completeTask Update. Answers the workflow's result; a
 * wrong code is a 400 on the `code` field, a lock a 409.
 */
export async function completeTask(
  deps: { prisma: PrismaClient; client: Client },
  actor: Actor,
  task: Task,
  body: unknown,
): Promise<CompleteTaskResult> {
  const closed = closedStatusMessages[task.status];
  if (closed !== undefined) throw new ConflictError(closed);
  const type: string = task.type;
  if (!isCompletableTaskType(type)) throw new ConflictError(`${type} tasks are not completed here`);

  const parsed = completableTaskBodySchemas[type].safeParse(body);
  if (!parsed.success) throw new InvalidDataError('The request has invalid fields', fieldErrorsOf(parsed.error.issues, 'body'));
  const outcome = await outcomeFor(deps.prisma, task, parsed.data);

  const result = await withWorkflowRefusals(() =>
    deps.client.workflow
      .getHandle(task.workflowId)
      .executeUpdate(completeTaskUpdate, { args: [{ taskId: task.id, actor: { userId: actor.userId, label: actor.email }, outcome }] }),
  );
  if (!result.completed && result.taskStatus === 'LOCKED') throw new ConflictError(result.message);
  if (!result.completed) throw new InvalidDataError(result.message, { code: result.message });
  return result;
}

async function outcomeFor(prisma: PrismaClient, task: Task, body: unknown): Promise<TaskOutcome> {
  switch (task.type) {
    case 'PICK':
      return { type: 'PICK', ...completableTaskBodySchemas.PICK.parse(body) };
    case 'CUSTOMER_SERVICE':
      return { type: 'CUSTOMER_SERVICE', ...completableTaskBodySchemas.CUSTOMER_SERVICE.parse(body) };
    case 'HANDOVER': {
      const { code } = completableTaskBodySchemas.HANDOVER.parse(body);
      const orderId = (task.payload as { orderId?: string }).orderId ?? '';
      const order = await prisma.order.findUnique({ where: { id: orderId }, select: { pickupCodeHash: true } });
      const codeMatched = order?.pickupCodeHash != null && (await pickupCodeMatches(code, order.pickupCodeHash));
      return { type: 'HANDOVER', codeMatched };
    }
    default:
      throw new ConflictError(`${task.type} tasks are not completed here`);
  }
}
