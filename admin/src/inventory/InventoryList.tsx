import { DataTable, List, NullableBooleanInput, SearchInput, usePermissions } from 'react-admin';
import { type Permissions, isConfinedToStore } from '../auth/permissions';
import { adminConfig } from '../config';
import { AvailableStockField } from './AvailableStockField';
import { StoreFilterInput } from '../shared/StoreFilterInput';

/**
 * Head office picks a store; store staff have no store filter because the API already narrows their list
 * to their own store (and refuses any other).
 */
export function InventoryList() {
  const { permissions } = usePermissions<Permissions>();
  const confined = isConfinedToStore(permissions);
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    ...(confined ? [] : [<StoreFilterInput key="storeId" alwaysOn />]),
    <NullableBooleanInput key="lowStock" source="lowStock" alwaysOn />,
  ];
  return (
    <List sort={{ field: 'sku', order: 'ASC' }} filters={filters} perPage={adminConfig.listPageSize}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="sku" />
        <DataTable.Col source="productName" />
        <DataTable.Col source="storeCode" />
        <DataTable.NumberCol source="onHand" />
        <DataTable.NumberCol source="reserved" />
        <DataTable.Col source="available" field={AvailableStockField} align="right" />
      </DataTable>
    </List>
  );
}
