import { Alert, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useStoreTimeZone } from '../shared/useStoreTimeZone';
import { StepTimelineTable } from './StepTimelineTable';
import { timelineRefreshMs } from './workflow-choices';
import { isRunning, type WorkflowRecord } from './workflow-record';

/** The run's step timeline as its query answered it, or why it could not answer. */
export function RunTimeline() {
  const run = useRecordContext<WorkflowRecord>();
  const translate = useTranslate();
  const timeZone = useStoreTimeZone({ code: run?.storeCode });
  if (run === undefined) return null;
  if (run.timelineError !== null)
    return <Alert severity="warning">{translate('omni.timeline.unavailable', { reason: run.timelineError })}</Alert>;
  if (run.timeline === null) return null;
  return (
    <Stack spacing={1}>
      <Typography variant="subtitle1">{translate('omni.timeline.title')}</Typography>
      {isRunning(run) && (
        <Typography variant="caption" color="text.secondary">
          {translate('omni.timeline.refreshing', { seconds: timelineRefreshMs / 1000 })}
        </Typography>
      )}
      <StepTimelineTable entries={run.timeline.entries} storeTimeZone={timeZone} />
    </Stack>
  );
}
