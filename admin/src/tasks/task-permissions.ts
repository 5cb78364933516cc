import { type Permissions } from '../auth/permissions';

/** Mirrors the API: a locked hand-over is unlocked by a store manager (own store) or an admin. */
export const canUnlockTasks = (permissions: Permissions | undefined): boolean =>
  permissions?.role === 'ADMIN' || (permissions?.role === 'STORE_STAFF' && permissions.isStoreManager);
