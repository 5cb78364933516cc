import { type Actor } from '../../../domain/auth/roles';
import { throwIfStoreIsNotAccessible } from '../../../domain/auth/store-access';
import { ForbiddenError } from '../../../domain/errors';

/** Declaring and ending: ops leads and admins for anything, a store manager for their own store's outage only. */
export function throwIfNotAllowedToRunOutage(actor: Actor, subject: { storeId: string | null }): void {
  if (actor.role === 'ADMIN' || actor.role === 'OPS_LEAD') return;
  if (subject.storeId === null) throw new ForbiddenError('Channel outages are declared and ended by ops leads and admins');
  throwIfStoreIsNotAccessible(actor, subject.storeId);
  if (!actor.isStoreManager) throw new ForbiddenError("Only the store's manager declares or ends its outage");
}
