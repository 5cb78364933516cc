import { DataTable, List, SearchInput, SelectField } from 'react-admin';
import { adminConfig } from '../config';
import { unfulfillablePolicyChoices } from './policy-choices';

const storeFilters = [<SearchInput key="q" source="q" alwaysOn />];

export function StoreList() {
  return (
    <List sort={{ field: 'code', order: 'ASC' }} filters={storeFilters} perPage={adminConfig.listPageSize}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="code" />
        <DataTable.Col source="name" />
        <DataTable.Col source="city" />
        <DataTable.Col source="timeZone" disableSort />
        <DataTable.NumberCol source="pickSlaMinutes" disableSort />
        <DataTable.NumberCol source="pickupExpiryHours" disableSort />
        <DataTable.Col source="unfulfillablePolicy" disableSort>
          <SelectField source="unfulfillablePolicy" choices={unfulfillablePolicyChoices} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
