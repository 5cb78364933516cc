import { type Permissions } from '../auth/permissions';
import { canUnlockTask, canWorkOnTask } from './task-permissions';

const staffOf = (storeId: string, isStoreManager: boolean): Permissions => ({ role: 'STORE_STAFF', storeId, isStoreManager });

describe('task actions offered in the inbox', () => {
  const escalated = { queue: 'MANAGER', storeId: 'ams' };

  it('offers an escalated task only to a manager of its store or an admin, as the API allows', () => {
    expect(canWorkOnTask(staffOf('ams', true), escalated)).toBe(true);
    expect(canWorkOnTask({ role: 'ADMIN', storeId: null, isStoreManager: false }, escalated)).toBe(true);
    expect(canWorkOnTask(staffOf('ams', false), escalated)).toBe(false);
    expect(canWorkOnTask(staffOf('ber', true), escalated)).toBe(false);
    expect(canWorkOnTask({ role: 'OPS_LEAD', storeId: null, isStoreManager: false }, escalated)).toBe(false);
    expect(canWorkOnTask(staffOf('ams', false), { queue: 'STORE', storeId: 'ams' })).toBe(true);
  });

  it('offers unlock to a manager of the same store only', () => {
    expect(canUnlockTask(staffOf('ams', true), { storeId: 'ams' })).toBe(true);
    expect(canUnlockTask(staffOf('ber', true), { storeId: 'ams' })).toBe(false);
  });
});
