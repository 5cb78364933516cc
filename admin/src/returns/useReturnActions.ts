import { useDataProvider } from 'react-admin';
import { type OmnichannelDataProvider } from '../data/data-provider';
import { type ReturnableOrder, type ReturnRecord } from './return-record';
import { type ReturnRequestBody } from './return-request';

/** The returns API's calls beyond list and show, named, over the dataProvider. */
export function useReturnActions() {
  const dataProvider = useDataProvider<OmnichannelDataProvider>();
  return {
    findOrders: (query: string) =>
      dataProvider.readJson<ReturnableOrder[]>(`/returns/order-lookup?${new URLSearchParams({ q: query }).toString()}`),
    requestReturn: (body: ReturnRequestBody) => dataProvider.create<ReturnRecord>('returns', { data: body }),
    cancelReturn: (id: string, reason: string) =>
      dataProvider.recordAction<ReturnRecord>('returns', { id, action: 'cancel', body: { reason } }),
    /** Staff receive at their own store (no storeId); head office names the store. */
    receiveReturn: (id: string, storeId?: string) =>
      dataProvider.recordAction<ReturnRecord>('returns', { id, action: 'receive', body: storeId === undefined ? {} : { storeId } }),
  };
}
