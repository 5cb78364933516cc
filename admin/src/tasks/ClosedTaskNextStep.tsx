import { Alert, Button, Stack } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { type TaskRecord } from './task-record';

/** After a task is done: what happens next for the order, and the way back to the rest of the work. */
export function ClosedTaskNextStep({ task }: { task: TaskRecord }) {
  const translate = useTranslate();
  const nextStep =
    task.status === 'DONE' && task.type === 'PICK'
      ? translate('omni.task.next_after_pick')
      : task.status === 'DONE' && task.type === 'HANDOVER'
        ? translate('omni.task.next_after_handover')
        : translate('omni.task.task_closed', { status: translate(`omni.task_status.${task.status}`) });
  return (
    <Stack spacing={1} className="task-next-step">
      <Alert severity={task.status === 'DONE' ? 'success' : 'info'}>{nextStep}</Alert>
      <div>
        <Button component={Link} to="/tasks" variant="outlined" size="large">
          {translate('omni.task.back_to_inbox')}
        </Button>
      </div>
    </Stack>
  );
}
