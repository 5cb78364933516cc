import { type Actor } from '../auth/roles';
import { throwIfClaimedBySomeoneElse, throwIfNotAllowedToReassign, throwIfNotAllowedToUnclaim } from './task-claims';

const store = 'store-ams';
const clerk: Actor = { userId: 'clerk', email: 'c@x', role: 'STORE_STAFF', storeId: store, isStoreManager: false };
const colleague: Actor = { ...clerk, userId: 'colleague' };
const manager: Actor = { ...clerk, userId: 'manager', isStoreManager: true };
const claimedByClerk = { status: 'CLAIMED', storeId: store, assigneeUserId: 'clerk' };

describe('task claims', () => {
  it('keeps a claimed task for its claimer, and lets anyone complete an open one', () => {
    expect(() => throwIfClaimedBySomeoneElse(colleague, claimedByClerk)).toThrow(/colleague has claimed/);
    expect(() => throwIfClaimedBySomeoneElse(clerk, claimedByClerk)).not.toThrow();
    expect(() => throwIfClaimedBySomeoneElse(colleague, { ...claimedByClerk, status: 'OPEN', assigneeUserId: null })).not.toThrow();
  });

  it('lets the claimer or a manager release a claim', () => {
    expect(() => throwIfNotAllowedToUnclaim(clerk, claimedByClerk)).not.toThrow();
    expect(() => throwIfNotAllowedToUnclaim(manager, claimedByClerk)).not.toThrow();
    expect(() => throwIfNotAllowedToUnclaim(colleague, claimedByClerk)).toThrow(/Only whoever claimed/);
    expect(() => throwIfNotAllowedToUnclaim(clerk, { ...claimedByClerk, status: 'DONE' })).toThrow(/done, not claimed/);
  });

  it('reassigns only by a manager and only to active staff of the store', () => {
    const staff = { active: true, role: 'STORE_STAFF', storeId: store };
    expect(() => throwIfNotAllowedToReassign(manager, claimedByClerk, staff)).not.toThrow();
    expect(() => throwIfNotAllowedToReassign(clerk, claimedByClerk, staff)).toThrow(/Only a manager/);
    expect(() => throwIfNotAllowedToReassign(manager, claimedByClerk, { ...staff, active: false })).toThrow(/active staff/);
    expect(() => throwIfNotAllowedToReassign(manager, claimedByClerk, { ...staff, storeId: 'other' })).toThrow(/active staff/);
    expect(() => throwIfNotAllowedToReassign(manager, claimedByClerk, null)).toThrow(/active staff/);
  });
});
