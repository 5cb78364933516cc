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
