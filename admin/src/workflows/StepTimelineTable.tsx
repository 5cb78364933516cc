import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useDateTimeFormat } from '../shared/useDateTimeFormat';
import { useActorName } from '../shared/usePeople';
import { useStepLabel } from '../shared/useStepLabel';

export interface TimelineEntry {
  step: string;
  startedAt: string;
  endedAt: string | null;
  actor: string | null;
  outcome: string | null;
}

/** A step without a person is one the workflow took by itself. */
const systemActor = 'system';

/**
 * The steps a process went through (from its timeline query), oldest first. A step still under way has
 * no end; the outcome says how a step ended in the workflow's own words.
 */
export function StepTimelineTable({ entries, storeTimeZone }: { entries: readonly TimelineEntry[]; storeTimeZone?: string }) {
  const translate = useTranslate();
  const stepLabel = useStepLabel();
  const actorName = useActorName();
  const time = useDateTimeFormat(storeTimeZone);
  if (entries.length === 0) return <Typography variant="body2">{translate('omni.timeline.empty')}</Typography>;
  return (
    <Table size="small" className="step-timeline">
      <TableHead>
        <TableRow>
          <TableCell>{translate('omni.timeline.step')}</TableCell>
          <TableCell>{translate('omni.timeline.started')}</TableCell>
          <TableCell>{translate('omni.timeline.ended')}</TableCell>
          <TableCell>{translate('omni.timeline.actor')}</TableCell>
          <TableCell>{translate('omni.timeline.outcome')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {entries.map((entry, index) => (
          <TableRow key={`${entry.step}-${String(index)}`} data-step={entry.step}>
            <TableCell>{stepLabel(entry.step)}</TableCell>
            <TableCell>{time(entry.startedAt)}</TableCell>
            <TableCell>{time(entry.endedAt)}</TableCell>
            <TableCell>{actorName(entry.actor ?? systemActor)}</TableCell>
            <TableCell>{entry.outcome ?? '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
