import { Box, Stack, Typography } from '@mui/material';
import { Labeled, useTranslate } from 'react-admin';
import { useActorName } from '../shared/usePeople';
import { StoreDateField } from '../shared/StoreDateField';
import { outcomeEntriesOf, outcomeWords } from './task-outcome';
import { type TaskRecord } from './task-record';

/**
 * How a closed task ended, for every type alike: who completed it and when (or when it was closed
 * without anyone: cancelled, expired), and what they decided (the outcome's fields, translated under
 * `omni.task_outcome.<key>` and `omni.task_outcome.<key>_<CODE>` when a domain names them).
 */
export function ClosedTaskOutcome({ task }: { task: TaskRecord }) {
  const translate = useTranslate();
  const actorName = useActorName();
  const entries = outcomeEntriesOf(task.outcome);
  const completed = task.completedAt !== null && task.completedAt !== undefined;
  return (
    <Box className="task-outcome" data-testid="task-outcome" sx={{ width: '100%' }}>
      <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {completed && (
          <Labeled label="omni.task.completed_by">
            <Typography variant="body2">{actorName(task.completedByUserId)}</Typography>
          </Labeled>
        )}
        <Labeled label={completed ? 'omni.task.completed_at' : 'omni.task.closed_at'}>
          <StoreDateField source={completed ? 'completedAt' : 'updatedAt'} showTime />
        </Labeled>
        {entries.map((entry) => (
          <Labeled key={entry.key} label={translate(`omni.task_outcome.${entry.key}`, { _: outcomeWords(entry.key) })}>
            <Typography variant="body2" sx={{ wordBreak: 'break-word' }} data-testid={`task-outcome-${entry.key}`}>
              {entry.code ? translate(`omni.task_outcome.${entry.key}_${entry.value}`, { _: outcomeWords(entry.value) }) : entry.value}
            </Typography>
          </Labeled>
        ))}
      </Stack>
    </Box>
  );
}
