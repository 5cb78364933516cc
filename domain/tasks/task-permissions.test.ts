import { type Actor } from '../auth/roles';
import { ForbiddenError } from '../errors';
import { isManagerOfTaskStore, throwIfNotAllowedToUnlockTask, throwIfNotAllowedToWorkOnTask } from './task-permissions';

const amsterdam = 'store-ams';
const berlin = 'store-ber';
const actor = (role: Actor['role'], storeId: string | null = null, isStoreManager = false): Actor => ({
  userId: `${role}-${storeId ?? 'hq'}`,
  email: 'x@omni.example',
  role,
  storeId,
  isStoreManager,
});

const staff = actor('STORE_STAFF', amsterdam);
const manager = actor('STORE_STAFF', amsterdam, true);
const otherStoreManager = actor('STORE_STAFF', berlin, true);
const opsLead = actor('OPS_LEAD');
const admin = actor('ADMIN');

describe('task permissions', () => {
  const escalatedPick = { queue: 'MANAGER', storeId: amsterdam };
  const storePick = { queue: 'STORE', storeId: amsterdam };

  it('leaves an escalated task to the managers of its store and to admins', () => {
    expect(() => throwIfNotAllowedToWorkOnTask(manager, escalatedPick)).not.toThrow();
    expect(() => throwIfNotAllowedToWorkOnTask(admin, escalatedPick)).not.toThrow();
    for (const refused of [staff, otherStoreManager, opsLead]) {
      expect(() => throwIfNotAllowedToWorkOnTask(refused, escalatedPick)).toThrow(ForbiddenError);
    }
    expect(() => throwIfNotAllowedToWorkOnTask(staff, escalatedPick)).toThrow(/escalated to the store manager queue/);
  });

  it('does not restrict tasks in the ordinary store queue beyond store scoping', () => {
    for (const allowed of [staff, manager, opsLead, admin]) expect(() => throwIfNotAllowedToWorkOnTask(allowed, storePick)).not.toThrow();
  });

  it('lets only a manager of the same store, or an admin, unlock', () => {
    expect(isManagerOfTaskStore(manager, { storeId: amsterdam })).toBe(true);
    expect(isManagerOfTaskStore(otherStoreManager, { storeId: amsterdam })).toBe(false);
    expect(isManagerOfTaskStore(manager, { storeId: null })).toBe(false);
    expect(() => throwIfNotAllowedToUnlockTask(staff, { storeId: amsterdam })).toThrow(
      'Only a store manager or an admin can unlock a task',
    );
    expect(() => throwIfNotAllowedToUnlockTask(admin, { storeId: null })).not.toThrow();
  });
});
