import { BooleanField, DataTable, List, NullableBooleanInput, ReferenceField, SearchInput, SelectField, SelectInput } from 'react-admin';
import { adminConfig } from '../config';
import { StoreFilterInput } from '../shared/StoreFilterInput';
import { roleChoices } from './role-choices';
import { StoreDateField } from '../shared/StoreDateField';

const userFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={roleChoices} alwaysOn />,
  <StoreFilterInput key="storeId" />,
  <NullableBooleanInput key="active" source="active" />,
];

export function UserList() {
  return (
    <List sort={{ field: 'email', order: 'ASC' }} filters={userFilters} perPage={adminConfig.listPageSize}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="email" />
        <DataTable.Col source="name" />
        <DataTable.Col source="role">
          <SelectField source="role" choices={roleChoices} />
        </DataTable.Col>
        <DataTable.Col source="storeId" disableSort>
          <ReferenceField source="storeId" reference="stores" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="isStoreManager" field={BooleanField} disableSort />
        <DataTable.Col source="active" field={BooleanField} disableSort />
        <DataTable.Col source="lastLoginAt">
          <StoreDateField source="lastLoginAt" showTime emptyText="—" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
