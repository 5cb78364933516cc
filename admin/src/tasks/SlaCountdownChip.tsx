import { Chip } from '@mui/material';
import { useEffect, useState } from 'react';
import { type FieldProps, useRecordContext, useTranslate } from 'react-admin';
import { slaCountdown } from './sla-countdown';
import { isActionable, slaWarningWithinMs, type TaskRecord } from './task-record';

const tickMs = 1000;

const chipColour = { none: 'default', due: 'success', soon: 'warning', overdue: 'error' } as const;

/** Time left on the task's SLA, ticking every second; only for tasks someone still has to do. */
export function SlaCountdownChip(_props: Partial<FieldProps>) {
  const task = useRecordContext<TaskRecord>();
  const translate = useTranslate();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), tickMs);
    return () => clearInterval(timer);
  }, []);
  if (task === undefined || !isActionable(task)) return null;
  const sla = slaCountdown(task.dueAt, now, slaWarningWithinMs);
  const label =
    sla.state === 'none'
      ? translate('omni.task.no_due')
      : translate(sla.state === 'overdue' ? 'omni.task.overdue_by' : 'omni.task.due_in', { time: sla.remaining });
  return <Chip size="small" className="sla-countdown" data-sla={sla.state} color={chipColour[sla.state]} label={label} />;
}
