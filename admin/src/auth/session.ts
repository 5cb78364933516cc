/**
 * The signed-in user's session as the API handed it out at login, kept in localStorage so a reload or a
 * second tab stays signed in until the token expires.
 */
export type Role = 'ADMIN' | 'OPS_LEAD' | 'STORE_STAFF';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  storeId: string | null;
  storeCode: string | null;
  isStoreManager: boolean;
}

export interface Session {
  token: string;
  /** ISO timestamp after which the API refuses the token. */
  expiresAt: string;
  user: SessionUser;
}

const storageKey = 'omnichannel.session';

export function saveSession(session: Session): void {
  localStorage.setItem(storageKey, JSON.stringify(session));
}

export function clearSession(): void {
  localStorage.removeItem(storageKey);
}

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Session>;
  return (
    typeof candidate.token === 'string' &&
    typeof candidate.expiresAt === 'string' &&
    typeof candidate.user === 'object' &&
    candidate.user !== null
  );
}

/** The stored session while its token is still valid; an expired or unreadable one is removed. */
export function currentSession(now: Date = new Date()): Session | undefined {
  const stored = localStorage.getItem(storageKey);
  if (stored === null) return undefined;
  let session: unknown;
  try {
    session = JSON.parse(stored);
  } catch {
    session = undefined;
  }
  if (!isSession(session) || new Date(session.expiresAt).getTime() <= now.getTime()) {
    clearSession();
    return undefined;
  }
  return session;
}
