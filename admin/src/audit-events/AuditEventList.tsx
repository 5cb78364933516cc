import { BooleanInput, DataTable, List, TextInput } from 'react-admin';
import { AuditActorField } from './AuditActorField';
import { AuditEntityField } from './AuditEntityField';
import { adminConfig } from '../config';
import { StoreDateField } from '../shared/StoreDateField';

const auditFilters = [
  <BooleanInput key="hideSignIns" source="hideSignIns" alwaysOn />,
  <TextInput key="action" source="action" alwaysOn />,
  <TextInput key="entityType" source="entityType" alwaysOn />,
  <TextInput key="entityId" source="entityId" />,
  <TextInput key="workflowId" source="workflowId" />,
];

export function AuditEventList() {
  return (
    <List
      sort={{ field: 'createdAt', order: 'DESC' }}
      filters={auditFilters}
      // Sign-ins are most of the log; they are one click away, not in the way.
      filterDefaultValues={{ hideSignIns: true }}
      perPage={adminConfig.listPageSize}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="createdAt">
          <StoreDateField source="createdAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="actorLabel">
          <AuditActorField />
        </DataTable.Col>
        <DataTable.Col source="action" />
        <DataTable.Col source="entityType" />
        <DataTable.Col source="entityId" disableSort>
          <AuditEntityField />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
