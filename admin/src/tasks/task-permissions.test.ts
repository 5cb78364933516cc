import { type Permissions } from '../auth/permissions';
import { canUnclaimTask, canUnlockTask, canWorkOnTask, isClaimedByAnother } from './task-permissions';

const staffOf = (storeId: string, isStoreManager: boolean): Permissions => ({
  userId: `user-${storeId}`,
  role: 'STORE_STAFF',
  storeId,
  isStoreManager,
});

describe('task actions offered in the inbox', () => {
  const escalated = { queue: 'MANAGER', storeId: 'ams' };

  it('offers an escalated task only to a manager of its store or an admin, as the API allows', () => {
    expect(canWorkOnTask(staffOf('ams', true), escalated)).toBe(true);
    expect(canWorkOnTask({ userId: 'admin', role: 'ADMIN', storeId: null, isStoreManager: false }, escalated)).toBe(true);
    expect(canWorkOnTask(staffOf('ams', false), escalated)).toBe(false);
    expect(canWorkOnTask(staffOf('ber', true), escalated)).toBe(false);
    expect(canWorkOnTask({ userId: 'lead', role: 'OPS_LEAD', storeId: null, isStoreManager: false }, escalated)).toBe(false);
    expect(canWorkOnTask(staffOf('ams', false), { queue: 'STORE', storeId: 'ams' })).toBe(true);
  });

  it('offers unlock to a manager of the same store only', () => {
    expect(canUnlockTask(staffOf('ams', true), { storeId: 'ams' })).toBe(true);
    expect(canUnlockTask(staffOf('ber', true), { storeId: 'ams' })).toBe(false);
  });

  it("lets the claimer or a manager release a claim, and marks a colleague's claim as theirs", () => {
    const claimed = { status: 'CLAIMED', storeId: 'ams', assigneeUserId: 'user-ams' };
    expect(canUnclaimTask(staffOf('ams', false), claimed)).toBe(true);
    expect(canUnclaimTask({ ...staffOf('ams', false), userId: 'colleague' }, claimed)).toBe(false);
    expect(canUnclaimTask({ ...staffOf('ams', true), userId: 'manager' }, claimed)).toBe(true);
    expect(isClaimedByAnother({ ...staffOf('ams', false), userId: 'colleague' }, claimed)).toBe(true);
    expect(isClaimedByAnother(staffOf('ams', false), claimed)).toBe(false);
  });
});
