import { type Actor } from '../auth/roles';
import { ConflictError, ForbiddenError, InvalidDataError } from '../errors';
import { isManagerOfTaskStore } from './task-permissions';

export interface ClaimedTask {
  status: string;
  storeId: string | null;
  assigneeUserId: string | null;
}

/**
 * A claimed task is its claimer's: a colleague completing it would mean two people on the same shelves
 * (or one order handed over twice), so completion by anyone else is refused with a way out - the claimer
 * finishes, or a manager reassigns it. An unclaimed (OPEN) task may be completed straight away: the
 * completion itself says who did it, and making someone claim first would only add a tap at the counter.
 */
export function throwIfClaimedBySomeoneElse(actor: Actor, task: ClaimedTask): void {
  if (task.status === 'CLAIMED' && task.assigneeUserId !== null && task.assigneeUserId !== actor.userId) {
    throw new ConflictError('A colleague has claimed this task: they complete it, or a store manager reassigns it');
  }
}

/** The claimer gives a task back; a manager of its store (or an admin) can take anyone's claim away. */
export function throwIfNotAllowedToUnclaim(actor: Actor, task: ClaimedTask): void {
  if (task.status !== 'CLAIMED') throw new ConflictError(`This task is ${task.status.toLowerCase()}, not claimed`);
  if (task.assigneeUserId !== actor.userId && !isManagerOfTaskStore(actor, task)) {
    throw new ForbiddenError('Only whoever claimed the task, a manager of its store or an admin can release it');
  }
}

/** Handing a task to a colleague is a manager's call, and only to active staff of the task's store. */
export function throwIfNotAllowedToReassign(
  actor: Actor,
  task: ClaimedTask,
  assignee: { active: boolean; role: string; storeId: string | null } | null,
): void {
  if (!isManagerOfTaskStore(actor, task)) throw new ForbiddenError('Only a manager of this store or an admin can reassign a task');
  if (task.status !== 'OPEN' && task.status !== 'CLAIMED') throw new ConflictError(`This task is ${task.status.toLowerCase()}`);
  if (assignee === null || !assignee.active || assignee.role !== 'STORE_STAFF' || assignee.storeId !== task.storeId) {
    throw new InvalidDataError('The task can only go to active staff of its store', { userId: 'Not active staff of this store' });
  }
}
