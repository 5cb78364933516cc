import { throwIfStoreIsNotAccessible } from '../../../domain/auth/store-access';
import { type Actor } from '../../../domain/auth/roles';
import { ForbiddenError, NotFoundError } from '../../../domain/errors';
import { type PrismaClient, type Prisma } from '../../../prisma/client';

type Task = Prisma.TaskGetPayload<object>;

/**
 * The task, if the caller may see and act on it: store staff only their own store's tasks, head office
 * every task. Tasks of no store (customer service) are head office's.
 */
export async function findAccessibleTask(prisma: PrismaClient, actor: Actor, taskId: string): Promise<Task> {
  const task = await prisma.task.findUnique({ where: { id: taskId } });
  if (task === null) throw new NotFoundError('Task not found');
  throwIfTaskIsNotAccessible(actor, task);
  return task;
}

export function throwIfTaskIsNotAccessible(actor: Actor, task: Pick<Task, 'storeId'>): void {
  if (task.storeId !== null) throwIfStoreIsNotAccessible(actor, task.storeId);
  else if (actor.role === 'STORE_STAFF') throw new ForbiddenError('This task belongs to head office');
}
