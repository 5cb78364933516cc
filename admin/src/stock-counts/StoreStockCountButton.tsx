import { useRecordContext } from 'react-admin';
import { RequestStockCountButton } from '../outages/RequestStockCountButton';

/**
 * "Ask for a stock count" on a store's page: a cycle count of the SKUs a manager or head office picks, outside
 * any outage (docs/stock-counts.md). The STOCK_COUNT task page opens; differences correct the stock, large
 * ones after a second person's approval.
 */
export function StoreStockCountButton() {
  const store = useRecordContext<{ id: string }>();
  if (store === undefined) return null;
  return <RequestStockCountButton storeId={store.id} />;
}
