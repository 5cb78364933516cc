import { CreateButton, usePermissions, useRecordContext } from 'react-admin';
import { type Permissions } from '../auth/permissions';
import { canAdjustStock } from './stock-adjustment-record';

/** On a stock level: opens the adjustment form with its store and SKU filled in. */
export function AdjustStockButton() {
  const level = useRecordContext<{ storeId: string; sku: string }>();
  const { permissions } = usePermissions<Permissions>();
  if (level === undefined || !canAdjustStock(permissions, level.storeId)) return null;
  return (
    <CreateButton
      resource="stock-adjustments"
      label="omni.stock_adjustment.adjust"
      state={{ record: { storeId: level.storeId, sku: level.sku } }}
    />
  );
}
