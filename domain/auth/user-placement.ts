import { InvalidDataError } from '../errors';

export interface UserPlacement {
  role: string;
  storeId: string | null;
  isStoreManager: boolean;
}

/** Store staff belong to one store (and only they can manage one); head office roles belong to none. */
export function throwIfPlacementIsInvalid(placement: UserPlacement): void {
  if (placement.role === 'STORE_STAFF' && placement.storeId === null) {
    throw new InvalidDataError('Store staff need a store', { storeId: 'Required for store staff' });
  }
  if (placement.role !== 'STORE_STAFF' && placement.storeId !== null) {
    throw new InvalidDataError('Head office roles work for every store, not one', { storeId: 'Only store staff have a store' });
  }
  if (placement.role !== 'STORE_STAFF' && placement.isStoreManager) {
    throw new InvalidDataError('Only store staff can be store managers', { isStoreManager: 'Only for store staff' });
  }
}
