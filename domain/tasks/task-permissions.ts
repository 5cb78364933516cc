import { type Actor } from '../auth/roles';
import { ForbiddenError } from '../errors';

/**
 * Who may act on a task beyond seeing it (store scoping is checked first, by store-access). An escalated
 * task sits in the MANAGER queue because staff missed its SLA: from then on it is the store managers'
 * responsibility, so ordinary staff must not quietly claim or complete it, and neither may head office
 * roles other than admins. Unlocking a hand-over locked by wrong codes is a manager's decision too.
 */

export interface TaskUnderAccessCheck {
  queue: string;
  storeId: string | null;
}

/** A manager of the task's own store, or an admin (who stands in for any manager). */
export function isManagerOfTaskStore(actor: Actor, task: Pick<TaskUnderAccessCheck, 'storeId'>): boolean {
  if (actor.role === 'ADMIN') return true;
  return actor.role === 'STORE_STAFF' && actor.isStoreManager && task.storeId !== null && actor.storeId === task.storeId;
}

export function throwIfNotAllowedToWorkOnTask(actor: Actor, task: TaskUnderAccessCheck): void {
  if (task.queue === 'MANAGER' && !isManagerOfTaskStore(actor, task)) {
    throw new ForbiddenError(
      'This task was escalated to the store manager queue: only a manager of this store or an admin can claim or complete it',
    );
  }
}

export function throwIfNotAllowedToUnlockTask(actor: Actor, task: Pick<TaskUnderAccessCheck, 'storeId'>): void {
  if (!isManagerOfTaskStore(actor, task)) throw new ForbiddenError('Only a store manager or an admin can unlock a task');
}
