import { DateField, Labeled, Show, SimpleShowLayout, TextField } from 'react-admin';
import { FieldChangesTable } from './FieldChangesTable';

export function AuditEventShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <DateField source="createdAt" showTime />
        <TextField source="actorLabel" />
        <TextField source="action" />
        <TextField source="entityType" />
        <TextField source="entityId" />
        <TextField source="workflowId" emptyText="—" />
        <TextField source="requestId" emptyText="—" />
        <Labeled source="changes" fullWidth>
          <FieldChangesTable />
        </Labeled>
      </SimpleShowLayout>
    </Show>
  );
}
