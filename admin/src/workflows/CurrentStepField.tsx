import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { useStepLabel } from '../shared/useStepLabel';
import { type WorkflowRecord } from './workflow-record';

/** The run's current step in words ("Waiting for the customer"). */
export function CurrentStepField(_props: { source?: string; label?: string }) {
  const run = useRecordContext<WorkflowRecord>();
  const stepLabel = useStepLabel();
  if (run === undefined) return null;
  return (
    <Typography component="span" variant="body2" data-step={run.currentStep ?? ''}>
      {stepLabel(run.currentStep)}
    </Typography>
  );
}
