import { Labeled, NumberField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { Stack } from '@mui/material';
import { useRecordLoadError } from '../shared/useRecordLoadError';
import { CancelWorkflowButton } from './CancelWorkflowButton';
import { RunTimeline } from './RunTimeline';
import { CurrentStepField } from './CurrentStepField';
import { RunStatusField } from './RunStatusField';
import { TemporalUiLinkField } from './TemporalUiLinkField';
import { timelineRefreshMs } from './workflow-choices';
import { isRunning, type WorkflowRecord } from './workflow-record';
import { StoreDateField } from '../shared/StoreDateField';

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
          <Labeled source="status">
            <RunStatusField />
          </Labeled>
          <Labeled source="currentStep">
            <CurrentStepField />
          </Labeled>
          <Labeled>
            <TextField source="storeCode" emptyText="—" />
          </Labeled>
        </Stack>
        <Stack direction="row" spacing={4}>
          <Labeled>
            <StoreDateField source="startTime" showTime />
          </Labeled>
          <Labeled>
            <StoreDateField source="closeTime" showTime emptyText="—" />
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
