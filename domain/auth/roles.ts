/** Who can do what is decided by role; store staff are additionally bound to one store. */
export const roles = ['ADMIN', 'OPS_LEAD', 'STORE_STAFF'] as const;

export type Role = (typeof roles)[number];

/** What the API knows about the caller once the token is verified; also what the token carries. */
export interface Actor {
  userId: string;
  email: string;
  role: Role;
  /** Set for store staff only: the one store they work in. */
  storeId: string | null;
  isStoreManager: boolean;
}

export function hasRole(actor: Actor, allowed: readonly Role[]): boolean {
  return allowed.includes(actor.role);
}
