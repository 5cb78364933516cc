import { DataTable, List, ReferenceInput, SearchInput, SelectField, SelectInput, usePermissions } from 'react-admin';
import { type Permissions, isConfinedToStore } from '../auth/permissions';
import { adminConfig } from '../config';
import { MoneyField } from '../shared/MoneyField';
import { StoreFilterInput } from '../shared/StoreFilterInput';
import { orderStatusChoices } from './order-choices';
import { OrderStatusTabs } from './OrderStatusTabs';
import { WorkflowStartChip } from './WorkflowStartBadge';
import { StoreDateField } from '../shared/StoreDateField';

/**
 * Orders by status tab, newest first. Store staff have no store filter: the API narrows their list to
 * the orders collected at their store.
 */
export function OrderList() {
  const { permissions } = usePermissions<Permissions>();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    ...(isConfinedToStore(permissions) ? [] : [<StoreFilterInput key="storeId" alwaysOn />]),
    <ReferenceInput key="channelId" source="channelId" reference="channels" sort={{ field: 'code', order: 'ASC' }} alwaysOn>
      <SelectInput optionText="code" />
    </ReferenceInput>,
  ];
  return (
    <List sort={{ field: 'placedAt', order: 'DESC' }} filters={filters} perPage={adminConfig.listPageSize}>
      <OrderStatusTabs />
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="externalId" />
        <DataTable.Col source="status">
          <SelectField source="status" choices={orderStatusChoices} />
        </DataTable.Col>
        <DataTable.Col source="startStatus" disableSort>
          <WorkflowStartChip />
        </DataTable.Col>
        <DataTable.Col source="channelCode" disableSort />
        <DataTable.Col source="pickupStoreCode" disableSort />
        <DataTable.Col source="customerName" disableSort />
        <DataTable.Col source="totalMinor" align="right">
          <MoneyField source="totalMinor" />
        </DataTable.Col>
        <DataTable.Col source="placedAt">
          <StoreDateField source="placedAt" showTime />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
