import { type Theme, useMediaQuery } from '@mui/material';
import { DataTable, DateField, List, TextField, TextInput } from 'react-admin';
import { adminConfig } from '../config';
import { MoneyField } from '../shared/MoneyField';
import { StoreCreditCards } from './StoreCreditCards';

/**
 * Store credit: the code the customer shows finds it at any store (store staff otherwise see their own
 * store's); open one to spend it at the till.
 */
export function StoreCreditList() {
  const isPhone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const filters = [<TextInput key="code" source="code" label="omni.store_credit.code_search" alwaysOn resettable />];
  return (
    // empty={false}: a store that issued no credit still needs the code search for the credit of another store.
    <List sort={{ field: 'createdAt', order: 'DESC' }} filters={filters} perPage={adminConfig.listPageSize} exporter={false} empty={false}>
      {isPhone ? <StoreCreditCards /> : <StoreCreditTable />}
    </List>
  );
}

function StoreCreditTable() {
  return (
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="code" disableSort>
        <TextField source="code" />
      </DataTable.Col>
      <DataTable.Col source="customerName" disableSort>
        <TextField source="customerName" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="issuedAtStoreName" disableSort>
        <TextField source="issuedAtStoreName" />
      </DataTable.Col>
      <DataTable.Col source="amountMinor" disableSort>
        <MoneyField source="amountMinor" />
      </DataTable.Col>
      <DataTable.Col source="balanceMinor">
        <MoneyField source="balanceMinor" />
      </DataTable.Col>
      <DataTable.Col source="createdAt">
        <DateField source="createdAt" showTime />
      </DataTable.Col>
    </DataTable>
  );
}
