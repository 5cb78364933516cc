import { DataTable, List, TextInput } from 'react-admin';
import { adminConfig } from '../config';
import { StoreDateField } from '../shared/StoreDateField';

const auditFilters = [
  <TextInput key="action" source="action" alwaysOn />,
  <TextInput key="entityType" source="entityType" alwaysOn />,
  <TextInput key="entityId" source="entityId" />,
  <TextInput key="workflowId" source="workflowId" />,
];

export function AuditEventList() {
  return (
    <List sort={{ field: 'createdAt', order: 'DESC' }} filters={auditFilters} perPage={adminConfig.listPageSize}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="createdAt">
          <StoreDateField source="createdAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="actorLabel" />
        <DataTable.Col source="action" />
        <DataTable.Col source="entityType" />
        <DataTable.Col source="entityId" disableSort />
      </DataTable>
    </List>
  );
}
