import { Alert, Chip, Stack, Typography } from '@mui/material';
import { Link, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { useStepLabel } from '../shared/useStepLabel';
import { StepTimelineTable } from '../workflows/StepTimelineTable';
import { timelineRefreshMs } from '../workflows/workflow-choices';
import { currentStepOf, isRunning, stepLabelOf } from '../workflows/workflow-record';
import { type OutageRecord } from './outage-record';
import { useOutageRun } from './useOutageRun';
import { useOutageSubject } from './useOutageSubject';

/**
 * The run's live timeline: each measure put in force and lifted, the wait for recovery, the reconciliation,
 * the close. Store staff see their store's runs only, so a channel outage's page shows them why it has none.
 */
export function OutageTimeline() {
  const outage = useRecordContext<OutageRecord>();
  const translate = useTranslate();
  const stepLabel = useStepLabel();
  const { store } = useOutageSubject(outage);
  const { data: run, error } = useOutageRun(outage);
  const { canAccess: mayOpenRuns } = useCanAccess({ resource: 'workflows', action: 'show' });
  if (outage === undefined) return null;
  if (outage.workflowId === null) return <Typography variant="body2">{translate('omni.outage.no_run')}</Typography>;
  if (error != null) return <Alert severity="info">{translate('omni.timeline.unavailable', { reason: error.message })}</Alert>;
  if (run === undefined) return null;
  const currentStep = currentStepOf(run);
  return (
    <Stack spacing={1} className="outage-timeline" sx={{ minWidth: 0, overflowX: 'auto' }}>
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
        {mayOpenRuns === true && <Link to={`/workflows/${encodeURIComponent(run.id)}/show`}>{run.id}</Link>}
      </Stack>
      {isRunning(run) && (
        <Typography variant="caption" color="text.secondary">
          {translate('omni.timeline.refreshing', { seconds: timelineRefreshMs / 1000 })}
        </Typography>
      )}
      {run.timelineError !== null && (
        <Alert severity="warning">{translate('omni.timeline.unavailable', { reason: run.timelineError })}</Alert>
      )}
      {run.timeline !== null && <StepTimelineTable entries={run.timeline.entries} storeTimeZone={store?.timeZone} />}
    </Stack>
  );
}
