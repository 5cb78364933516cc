import { ForbiddenError } from '../errors';
import { type Actor } from './roles';
import { confinedStoreId, storeFilterFor, throwIfStoreIsNotAccessible } from './store-access';

const amsterdam = 'store-ams';
const berlin = 'store-ber';

const actor = (role: Actor['role'], storeId: string | null): Actor => ({
  userId: 'u1',
  email: 'someone@omni.example',
  role,
  storeId,
  isStoreManager: false,
});

describe('store access', () => {
  it('confines store staff to their store and nobody else', () => {
    expect(confinedStoreId(actor('STORE_STAFF', amsterdam))).toBe(amsterdam);
    expect(confinedStoreId(actor('OPS_LEAD', null))).toBeNull();
    expect(confinedStoreId(actor('ADMIN', null))).toBeNull();
  });

  it('refuses a staff account without a store rather than treating it as head office', () => {
    expect(() => confinedStoreId(actor('STORE_STAFF', null))).toThrow(ForbiddenError);
  });

  it('lets staff into their own store only', () => {
    expect(() => throwIfStoreIsNotAccessible(actor('STORE_STAFF', amsterdam), amsterdam)).not.toThrow();
    expect(() => throwIfStoreIsNotAccessible(actor('STORE_STAFF', amsterdam), berlin)).toThrow(ForbiddenError);
    expect(() => throwIfStoreIsNotAccessible(actor('OPS_LEAD', null), berlin)).not.toThrow();
  });

  it('narrows an unfiltered list to the staff member’s store and refuses asking for another', () => {
    expect(storeFilterFor(actor('STORE_STAFF', amsterdam), undefined)).toEqual([amsterdam]);
    expect(storeFilterFor(actor('STORE_STAFF', amsterdam), [amsterdam])).toEqual([amsterdam]);
    expect(() => storeFilterFor(actor('STORE_STAFF', amsterdam), [amsterdam, berlin])).toThrow(ForbiddenError);
  });

  it('passes head office filters through unchanged, including "no filter"', () => {
    expect(storeFilterFor(actor('ADMIN', null), undefined)).toBeUndefined();
    expect(storeFilterFor(actor('OPS_LEAD', null), [berlin])).toEqual([berlin]);
  });
});
