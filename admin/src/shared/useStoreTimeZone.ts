import { useGetList, usePermissions } from 'react-admin';
import { type Permissions } from '../auth/permissions';

interface StoreZone {
  id: string;
  code: string;
  timeZone: string;
}

/** There are a handful of stores; one list read serves every date on every screen. */
const allStores = { pagination: { page: 1, perPage: 200 }, sort: { field: 'code', order: 'ASC' as const } };

/**
 * The time zone a record's dates are shown in: its store's (by id or code), else the signed-in clerk's
 * own store, else the browser's (head office looking at something of no store).
 */
export function useStoreTimeZone(store?: { id?: string | null; code?: string | null }): string | undefined {
  const { permissions } = usePermissions<Permissions>();
  const { data } = useGetList<StoreZone>('stores', allStores, { staleTime: 10 * 60_000 });
  const byRecord = data?.find((candidate) => candidate.id === store?.id || (store?.code != null && candidate.code === store.code));
  const own = data?.find((candidate) => candidate.id === permissions?.storeId);
  return (byRecord ?? own)?.timeZone;
}
