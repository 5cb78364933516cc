import { type Role } from './session';

/** What react-admin's `usePermissions()` returns: enough to decide what a screen offers. */
export interface Permissions {
  userId: string;
  role: Role;
  /** Set for store staff, who only ever see their own store. */
  storeId: string | null;
  isStoreManager: boolean;
}

export const isAdmin = (permissions: Permissions | undefined): boolean => permissions?.role === 'ADMIN';

/** Pickup settings are tuned by head office (the API allows ADMIN and OPS_LEAD). */
export const canEditStores = (permissions: Permissions | undefined): boolean =>
  permissions?.role === 'ADMIN' || permissions?.role === 'OPS_LEAD';

/** Channel status and rate limits affect every sale, so only admins change them (as the API enforces). */
export const canEditChannels = isAdmin;

export const isConfinedToStore = (permissions: Permissions | undefined): boolean => permissions?.role === 'STORE_STAFF';
