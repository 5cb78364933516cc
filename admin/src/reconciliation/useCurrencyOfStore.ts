import { useGetList } from 'react-admin';

interface StoreCurrency {
  id: string;
  code: string;
  name: string;
  currency: string;
}

const everyStore = { pagination: { page: 1, perPage: 200 }, sort: { field: 'code', order: 'ASC' as const } };

/**
 * The currency a discrepancy's value is in: the record's own when the API gives it, else its store's, else
 * the one currency every store sells in (a channel's price drift across stores of one retailer).
 */
export function useCurrencyOf(): (record: { currency?: string | null; storeId?: string | null } | undefined) => string | undefined {
  const { data: stores } = useGetList<StoreCurrency>('stores', everyStore, { staleTime: 10 * 60_000 });
  const currencies = new Set((stores ?? []).map((store) => store.currency));
  const common = currencies.size === 1 ? [...currencies][0] : undefined;
  return (record) => {
    if (record === undefined) return undefined;
    if (record.currency != null) return record.currency;
    return stores?.find((store) => store.id === record.storeId)?.currency ?? common;
  };
}
