import { ForbiddenError } from '../errors';
import { type Actor } from './roles';

/**
 * Store staff see and act on their own store only; head-office roles see every store. Asking for another
 * store explicitly is refused (so a hand-edited URL never leaks data), while lists without a store are
 * narrowed silently (so the same screen works for everybody).
 */

/** The one store the actor is confined to, or null when they may see all stores. */
export function confinedStoreId(actor: Actor): string | null {
  if (actor.role !== 'STORE_STAFF') return null;
  if (actor.storeId === null) {
    // A staff account without a store must not fall back to "every store".
    throw new ForbiddenError('Your account is not assigned to a store');
  }
  return actor.storeId;
}

export function throwIfStoreIsNotAccessible(actor: Actor, storeId: string): void {
  const ownStoreId = confinedStoreId(actor);
  if (ownStoreId !== null && ownStoreId !== storeId) {
    throw new ForbiddenError('You can only access your own store');
  }
}

/**
 * The store filter a list query should use: the requested one when allowed, the actor's own when
 * they are confined and asked for none, and a ForbiddenError when they ask for a store that isn't theirs.
 */
export function storeFilterFor(actor: Actor, requestedStoreIds: readonly string[] | undefined): readonly string[] | undefined {
  const ownStoreId = confinedStoreId(actor);
  if (ownStoreId === null) return requestedStoreIds;
  if (requestedStoreIds === undefined) return [ownStoreId];
  for (const storeId of requestedStoreIds) throwIfStoreIsNotAccessible(actor, storeId);
  return requestedStoreIds;
}
