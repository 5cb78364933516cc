import { Stack } from '@mui/material';
import { Labeled, ReferenceField, SelectField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { useRecordLoadError } from '../shared/useRecordLoadError';
import { ClaimTaskButton } from './ClaimTaskButton';
import { ReassignTaskButton } from './ReassignTaskButton';
import { UnclaimTaskButton } from './UnclaimTaskButton';
import { SlaCountdownChip } from './SlaCountdownChip';
import { TaskActionPanel } from './TaskActionPanel';
import { TaskAssigneeField } from './TaskAssigneeField';
import { TaskOrderLink } from './TaskOrderLink';
import { taskStatusChoices, taskTypeChoices } from './task-record';
import { StoreDateField } from '../shared/StoreDateField';

function TaskShowActions() {
  return (
    <TopToolbar>
      <ClaimTaskButton />
      <UnclaimTaskButton />
      <ReassignTaskButton />
    </TopToolbar>
  );
}

/** One task with the form that completes it. */
export function TaskShow() {
  const onLoadError = useRecordLoadError();
  return (
    <Show actions={<TaskShowActions />} queryOptions={{ onError: onLoadError }}>
      <SimpleShowLayout>
        <TextField source="title" />
        <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Labeled>
            <SelectField source="type" choices={taskTypeChoices} />
          </Labeled>
          <Labeled>
            <SelectField source="status" choices={taskStatusChoices} className="task-status" />
          </Labeled>
          <Labeled source="storeId">
            <ReferenceField source="storeId" reference="stores" link={false}>
              <TextField source="code" />
            </ReferenceField>
          </Labeled>
          <Labeled>
            <StoreDateField source="dueAt" showTime emptyText="—" />
          </Labeled>
          <Labeled source="sla">
            <SlaCountdownChip />
          </Labeled>
          <Labeled source="assigneeEmail">
            <TaskAssigneeField />
          </Labeled>
          <Labeled label="omni.task.order">
            <TaskOrderLink />
          </Labeled>
        </Stack>
        <TaskActionPanel />
      </SimpleShowLayout>
    </Show>
  );
}
