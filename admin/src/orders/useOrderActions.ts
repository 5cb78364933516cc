import { useDataProvider } from 'react-admin';
import { type OmnichannelDataProvider } from '../data/data-provider';
import { type OrderRecord } from './order-record';

/** The orders resource's record actions, named, over the dataProvider. */
export function useOrderActions() {
  const dataProvider = useDataProvider<OmnichannelDataProvider>();
  return {
    cancelOrder: (id: string, reason: string) =>
      dataProvider.recordAction<OrderRecord>('orders', { id, action: 'cancel', body: { reason } }),
    startFulfilment: (id: string) => dataProvider.recordAction<OrderRecord>('orders', { id, action: 'start-fulfilment' }),
  };
}
