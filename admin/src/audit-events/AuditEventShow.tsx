import { Labeled, Show, SimpleShowLayout, TextField } from 'react-admin';
import { FieldChangesTable } from './FieldChangesTable';
import { useRecordLoadError } from '../shared/useRecordLoadError';
import { StoreDateField } from '../shared/StoreDateField';

export function AuditEventShow() {
  const onLoadError = useRecordLoadError();
  return (
    <Show queryOptions={{ onError: onLoadError }}>
      <SimpleShowLayout>
        <StoreDateField source="createdAt" showTime />
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
