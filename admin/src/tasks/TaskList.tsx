import { DataTable, List, ReferenceField, SelectField, SelectInput, TextField, usePermissions } from 'react-admin';
import { type Permissions, isConfinedToStore } from '../auth/permissions';
import { adminConfig } from '../config';
import { StoreFilterInput } from '../shared/StoreFilterInput';
import { SlaCountdownChip } from './SlaCountdownChip';
import { inboxStatuses, taskStatusChoices, taskTypeChoices } from './task-record';
import { StoreDateField } from '../shared/StoreDateField';

/**
 * The inbox: tasks someone still has to act on, soonest due first. Store staff see their own store's
 * (the API narrows the list); head office can pick a store.
 */
export function TaskList() {
  const { permissions } = usePermissions<Permissions>();
  const filters = [
    <SelectInput key="type" source="type" choices={taskTypeChoices} alwaysOn />,
    ...(isConfinedToStore(permissions) ? [] : [<StoreFilterInput key="storeId" alwaysOn />]),
  ];
  return (
    <List
      sort={{ field: 'dueAt', order: 'ASC' }}
      filter={{ status: inboxStatuses }}
      filters={filters}
      perPage={adminConfig.listPageSize}
      title="omni.task.open_tasks"
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="title" disableSort />
        <DataTable.Col source="type">
          <SelectField source="type" choices={taskTypeChoices} />
        </DataTable.Col>
        <DataTable.Col source="status">
          <SelectField source="status" choices={taskStatusChoices} />
        </DataTable.Col>
        <DataTable.Col source="storeId" disableSort>
          <ReferenceField source="storeId" reference="stores" link={false}>
            <TextField source="code" />
          </ReferenceField>
        </DataTable.Col>
        <DataTable.Col source="dueAt">
          <StoreDateField source="dueAt" showTime emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="sla" disableSort field={SlaCountdownChip} />
      </DataTable>
    </List>
  );
}
