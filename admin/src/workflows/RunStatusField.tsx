import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { displayedRunStatus } from './run-status';
import { type WorkflowRecord } from './workflow-record';

const colours: Record<string, 'default' | 'info' | 'success' | 'warning' | 'error'> = {
  RUNNING: 'info',
  COMPLETED: 'success',
  CANCELLED: 'warning',
  EXPIRED: 'warning',
  FAILED: 'error',
  TERMINATED: 'error',
  TIMED_OUT: 'error',
};

/** The run's state in words (Cancelled, not "Completed" with a CANCELLED step). */
export function RunStatusField(_props: { source?: string; label?: string }) {
  const run = useRecordContext<WorkflowRecord>();
  const translate = useTranslate();
  if (run === undefined) return null;
  const status = displayedRunStatus(run);
  return (
    <Chip
      size="small"
      className="run-status"
      data-status={status}
      color={colours[status] ?? 'default'}
      label={translate(`omni.workflow_status.${status}`, { _: status })}
    />
  );
}
