import { DateField, Labeled, NumberField, SelectField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { Stack } from '@mui/material';
import { useRecordLoadError } from '../shared/useRecordLoadError';
import { CancelWorkflowButton } from './CancelWorkflowButton';
import { RunTimeline } from './RunTimeline';
import { TemporalUiLinkField } from './TemporalUiLinkField';
import { timelineRefreshMs, workflowStatusChoices } from './workflow-choices';
import { isRunning, type WorkflowRecord } from './workflow-record';

function WorkflowShowActions() {
  return (
    <TopToolbar>
      <CancelWorkflowButton />
    </TopToolbar>
  );
}

/** One run; refreshed while it runs, so status, current step and timeline follow the process. */
export function WorkflowShow() {
  const onLoadError = useRecordLoadError();
  return (
    <Show
      actions={<WorkflowShowActions />}
      queryOptions={{
        onError: onLoadError,
        refetchInterval: (query) => (isRunning(query.state.data as WorkflowRecord | undefined) ? timelineRefreshMs : false),
      }}
    >
      <SimpleShowLayout>
        <TextField source="id" />
        <Stack direction="row" spacing={4}>
          <Labeled>
            <TextField source="type" />
          </Labeled>
          <Labeled>
            <SelectField source="status" choices={workflowStatusChoices} />
          </Labeled>
          <Labeled>
            <TextField source="currentStep" emptyText="—" />
          </Labeled>
          <Labeled>
            <TextField source="storeCode" emptyText="—" />
          </Labeled>
        </Stack>
        <Stack direction="row" spacing={4}>
          <Labeled>
            <DateField source="startTime" showTime />
          </Labeled>
          <Labeled>
            <DateField source="closeTime" showTime emptyText="—" />
          </Labeled>
          <Labeled>
            <NumberField source="historyLength" />
          </Labeled>
          <Labeled>
            <TextField source="taskQueue" />
          </Labeled>
        </Stack>
        <Labeled>
          <TemporalUiLinkField source="temporalUiUrl" />
        </Labeled>
        <RunTimeline />
      </SimpleShowLayout>
    </Show>
  );
}
