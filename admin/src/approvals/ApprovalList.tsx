import { BooleanInput, DataTable, DateField, List, SelectField, SelectInput, TextField } from 'react-admin';
import { adminConfig } from '../config';
import { MoneyField } from '../shared/MoneyField';
import { approvalStatusChoices, approverLevelChoices } from './approval-record';

/**
 * The approvals inbox: by default the pending requests the signed-in person may decide (the API applies
 * four-eyes, level and store); untick "Mine to decide" to see every request they can see, their own too.
 */
export function ApprovalList() {
  const filters = [
    <BooleanInput key="mine" source="mine" alwaysOn />,
    <SelectInput key="status" source="status" choices={approvalStatusChoices} alwaysOn />,
  ];
  return (
    <List
      sort={{ field: 'slaDueAt', order: 'ASC' }}
      filters={filters}
      filterDefaultValues={{ mine: true }}
      perPage={adminConfig.listPageSize}
      title="omni.approval.inbox"
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="summary" disableSort>
          <TextField source="summary" />
        </DataTable.Col>
        <DataTable.Col source="amountMinor">
          <MoneyField source="amountMinor" />
        </DataTable.Col>
        <DataTable.Col source="requiredLevel" disableSort>
          <SelectField source="requiredLevel" choices={approverLevelChoices} />
        </DataTable.Col>
        <DataTable.Col source="status">
          <SelectField source="status" choices={approvalStatusChoices} />
        </DataTable.Col>
        <DataTable.Col source="slaDueAt">
          <DateField source="slaDueAt" showTime />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
