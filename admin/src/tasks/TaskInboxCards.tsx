import { Card, CardActionArea, CardContent, Stack, Typography } from '@mui/material';
import { Link, RecordContextProvider, useCreatePath, useListContext, useTranslate } from 'react-admin';
import { SlaCountdownChip } from './SlaCountdownChip';
import { TaskAssigneeField } from './TaskAssigneeField';
import { type TaskRecord } from './task-record';

/**
 * The inbox on a phone: one full-width card per task (the whole card is the touch target), title on
 * top, the SLA countdown and who has it below, so nothing needs a sideways scroll at 390 px.
 */
export function TaskInboxCards() {
  const { data, isPending } = useListContext<TaskRecord>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  if (isPending || data === undefined) return null;
  if (data.length === 0) return <Typography sx={{ p: 2 }}>{translate('ra.navigation.no_results', { name: '' })}</Typography>;
  return (
    <Stack spacing={1} sx={{ p: 1 }} className="task-cards">
      {data.map((task) => (
        <RecordContextProvider key={task.id} value={task}>
          <Card variant="outlined" className="task-card">
            <CardActionArea component={Link} to={createPath({ resource: 'tasks', id: task.id, type: 'show' })} sx={{ minHeight: 64 }}>
              <CardContent>
                <Typography variant="subtitle1" sx={{ overflowWrap: 'anywhere' }}>
                  {task.title}
                </Typography>
                <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', mt: 0.5 }}>
                  <SlaCountdownChip />
                  <Typography variant="body2" color="text.secondary">
                    {translate(`omni.task_type.${task.type}`)} · {translate(`omni.task_status.${task.status}`)} ·
                  </Typography>
                  <TaskAssigneeField />
                </Stack>
              </CardContent>
            </CardActionArea>
          </Card>
        </RecordContextProvider>
      ))}
    </Stack>
  );
}
