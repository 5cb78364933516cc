import { type AuthProvider, fetchUtils, HttpError } from 'react-admin';
import { roleMayAccess } from './access-rules';
import { type Permissions } from './permissions';
import { clearSession, currentSession, saveSession, type Session } from './session';

/**
 * Sign-in against our API's bearer tokens. The API is the authority on every request; this provider
 * keeps the token, tells react-admin who is signed in, and hides what the role may not use.
 */
export function createAuthProvider(apiBaseUrl: string): AuthProvider {
  return {
    async login({ username, password }: { username: string; password: string }) {
      const response = await fetchUtils.fetchJson(`${apiBaseUrl}/auth/login`, {
        method: 'POST',
        body: JSON.stringify({ email: username, password }),
      });
      const session = response.json as Session;
      saveSession(session);
      // A clerk's work is the task inbox; head office starts where react-admin starts (the first resource).
      return session.user.role === 'STORE_STAFF' ? { redirectTo: '/tasks' } : undefined;
    },

    async logout() {
      const session = currentSession();
      clearSession();
      if (session === undefined) return;
      // The API revokes the token, so a copy of it (another tab, a shared machine) stops working too.
      // Signing out never fails for the user: a token the API already refuses needs no revoking.
      await fetchUtils
        .fetchJson(`${apiBaseUrl}/auth/logout`, { method: 'POST', headers: new Headers({ Authorization: `Bearer ${session.token}` }) })
        .catch(() => undefined);
    },

    checkAuth() {
      return currentSession() === undefined ? Promise.reject(new Error('ra.auth.auth_check_error')) : Promise.resolve();
    },

    checkError(error: unknown) {
      const status: unknown = error instanceof HttpError ? error.status : undefined;
      // 401: the token expired or the account was deactivated, so sign out. A 403 only means this one
      // thing is not allowed: stay signed in and let the notification say so.
      if (status === 401) {
        clearSession();
        return Promise.reject(new Error('ra.auth.auth_check_error'));
      }
      return Promise.resolve();
    },

    getIdentity() {
      const session = currentSession();
      if (session === undefined) return Promise.reject(new Error('ra.auth.auth_check_error'));
      const { user } = session;
      return Promise.resolve({ id: user.id, fullName: user.name, email: user.email, role: user.role, storeCode: user.storeCode });
    },

    getPermissions(): Promise<Permissions | undefined> {
      const user = currentSession()?.user;
      return Promise.resolve(user && { userId: user.id, role: user.role, storeId: user.storeId, isStoreManager: user.isStoreManager });
    },

    canAccess({ resource, action }) {
      const user = currentSession()?.user;
      return Promise.resolve(user !== undefined && roleMayAccess(user.role, resource, action));
    },
  };
}
