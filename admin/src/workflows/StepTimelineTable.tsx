import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';

export interface TimelineEntry {
  step: string;
  startedAt: string;
  endedAt: string | null;
  actor: string | null;
  outcome: string | null;
}

/**
 * The steps a process went through (from its timeline query), oldest first. A step still under way has
 * no end; the outcome says how a step ended in the workflow's own words.
 */
export function StepTimelineTable({ entries }: { entries: readonly TimelineEntry[] }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const time = (iso: string | null) => (iso === null ? '—' : new Date(iso).toLocaleString(locale));
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
            <TableCell>{entry.step}</TableCell>
            <TableCell>{time(entry.startedAt)}</TableCell>
            <TableCell>{time(entry.endedAt)}</TableCell>
            <TableCell>{entry.actor ?? '—'}</TableCell>
            <TableCell>{entry.outcome ?? '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
