import { Alert, Chip, Stack, Typography } from '@mui/material';
import { Link, useRecordContext, useTranslate } from 'react-admin';
import { useStepLabel } from '../shared/useStepLabel';
import { useStoreTimeZone } from '../shared/useStoreTimeZone';
import { StepTimelineTable } from '../workflows/StepTimelineTable';
import { timelineRefreshMs } from '../workflows/workflow-choices';
import { currentStepOf, isRunning, stepLabelOf } from '../workflows/workflow-record';
import { type OrderRecord } from './order-record';
import { useOrderRun } from './useOrderRun';

/** The live step timeline of the order's pickup, refreshed every few seconds while the run goes on. */
export function OrderTimeline() {
  const order = useRecordContext<OrderRecord>();
  const { data: run, error } = useOrderRun(order);
  const translate = useTranslate();
  const stepLabel = useStepLabel();
  const timeZone = useStoreTimeZone({ code: order?.pickupStoreCode });
  if (order?.workflowId == null) return <Typography variant="body2">{translate('omni.order.no_workflow')}</Typography>;
  if (error != null) return <Alert severity="warning">{translate('omni.timeline.unavailable', { reason: error.message })}</Alert>;
  if (run === undefined) return null;
  const currentStep = currentStepOf(run);
  return (
    <Stack spacing={1} className="order-timeline">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="subtitle1">{translate('omni.timeline.title')}</Typography>
        {currentStep !== null && (
          <Chip
            className="current-step"
            data-step={currentStep}
            color={isRunning(run) ? 'primary' : 'default'}
            label={translate('omni.timeline.current_step', { step: stepLabel(currentStep, stepLabelOf(run, currentStep)) })}
          />
        )}
        <Link to={`/workflows/${encodeURIComponent(run.id)}/show`}>{run.id}</Link>
      </Stack>
      {isRunning(run) && (
        <Typography variant="caption" color="text.secondary">
          {translate('omni.timeline.refreshing', { seconds: timelineRefreshMs / 1000 })}
        </Typography>
      )}
      {run.timelineError !== null && (
        <Alert severity="warning">{translate('omni.timeline.unavailable', { reason: run.timelineError })}</Alert>
      )}
      {run.timeline !== null && <StepTimelineTable entries={run.timeline.entries} storeTimeZone={timeZone} />}
    </Stack>
  );
}
