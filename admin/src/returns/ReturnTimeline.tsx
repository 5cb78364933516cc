import { Alert, Box, Button, Chip, Stack, Typography } from '@mui/material';
import { Link, useRecordContext, useTranslate } from 'react-admin';
import { useOrderRun } from '../orders/useOrderRun';
import { useStepLabel } from '../shared/useStepLabel';
import { useStoreTimeZone } from '../shared/useStoreTimeZone';
import { StepTimelineTable } from '../workflows/StepTimelineTable';
import { timelineRefreshMs } from '../workflows/workflow-choices';
import { currentStepOf, isRunning, stepLabelOf } from '../workflows/workflow-record';
import { type ReturnRecord } from './return-record';

/**
 * The return's run as it happens: current step, its steps in words with who did them, and the task that
 * waits for a person now (inspection, refund by hand), refreshed every few seconds while it runs.
 * The run is read like an order's pickup (Workflows resource), through the same polling hook.
 */
export function ReturnTimeline() {
  const record = useRecordContext<ReturnRecord>();
  const { data: run, error } = useOrderRun(record);
  const translate = useTranslate();
  const stepLabel = useStepLabel();
  const timeZone = useStoreTimeZone({ id: record?.receivedAtStoreId });
  if (record?.workflowId == null)
    return (
      <Typography variant="body2" className="return-no-run">
        {translate(
          record?.status !== 'REQUESTED'
            ? 'omni.order.no_workflow'
            : record.receivedAtStoreId === null
              ? 'omni.return.run_after_receiving'
              : 'omni.return.run_starting',
        )}
      </Typography>
    );
  if (error != null) return <Alert severity="warning">{translate('omni.timeline.unavailable', { reason: error.message })}</Alert>;
  if (run === undefined) return null;
  const currentStep = currentStepOf(run);
  const openTask = run.timeline?.openTask ?? null;
  return (
    <Stack spacing={1} className="return-timeline">
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="subtitle1">{translate('omni.timeline.title')}</Typography>
        {currentStep !== null && (
          <Chip
            className="current-step"
            data-step={currentStep}
            color={isRunning(run) ? 'primary' : 'default'}
            label={translate('omni.timeline.current_step', { step: stepLabel(currentStep, stepLabelOf(run, currentStep)) })}
          />
        )}
        {openTask !== null && (
          <Button component={Link} to={`/tasks/${encodeURIComponent(openTask.taskId)}/show`} variant="contained" className="open-task">
            {translate('omni.return.open_task', { task: translate(`omni.task_type.${openTask.type}`) })}
          </Button>
        )}
      </Stack>
      {isRunning(run) && (
        <Typography variant="caption" color="text.secondary">
          {translate('omni.timeline.refreshing', { seconds: timelineRefreshMs / 1000 })}
        </Typography>
      )}
      {run.timelineError !== null && (
        <Alert severity="warning">{translate('omni.timeline.unavailable', { reason: run.timelineError })}</Alert>
      )}
      {run.timeline !== null && (
        <Box sx={{ maxWidth: 'calc(100vw - 48px)', overflowX: 'auto' }}>
          <StepTimelineTable entries={run.timeline.entries} storeTimeZone={timeZone} />
        </Box>
      )}
    </Stack>
  );
}
