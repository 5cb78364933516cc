import { type Permissions } from '../auth/permissions';
import { type TaskRecord } from './task-record';

/** Mirrors domain/tasks/task-permissions.ts: a manager of the task's own store, or an admin. */
export const isManagerOfTaskStore = (permissions: Permissions | undefined, task: Pick<TaskRecord, 'storeId'>): boolean =>
  permissions?.role === 'ADMIN' ||
  (permissions?.role === 'STORE_STAFF' && permissions.isStoreManager && task.storeId !== null && permissions.storeId === task.storeId);

/** A locked hand-over is unlocked by a manager of its store or an admin. */
export const canUnlockTask = isManagerOfTaskStore;

/** Escalated tasks (MANAGER queue) are claimed and completed by the store's managers or an admin only. */
export const canWorkOnTask = (permissions: Permissions | undefined, task: Pick<TaskRecord, 'queue' | 'storeId'>): boolean =>
  task.queue !== 'MANAGER' || isManagerOfTaskStore(permissions, task);

/** Mirrors domain/tasks/task-claims.ts: the claimer, or a manager of the store, releases a claim. */
export const canUnclaimTask = (
  permissions: Permissions | undefined,
  task: Pick<TaskRecord, 'status' | 'storeId' | 'assigneeUserId'>,
): boolean => task.status === 'CLAIMED' && (task.assigneeUserId === permissions?.userId || isManagerOfTaskStore(permissions, task));

/** A task someone else has claimed is theirs to complete (the API answers 409). */
export const isClaimedByAnother = (permissions: Permissions | undefined, task: Pick<TaskRecord, 'status' | 'assigneeUserId'>): boolean =>
  task.status === 'CLAIMED' && task.assigneeUserId !== null && task.assigneeUserId !== permissions?.userId;
