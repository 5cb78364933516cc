import UndoIcon from '@mui/icons-material/Undo';
import { useMutation } from '@tanstack/react-query';
import { Button, useNotify, usePermissions, useRecordContext, useRefresh } from 'react-admin';
import { type Permissions } from '../auth/permissions';
import { canUnclaimTask } from './task-permissions';
import { type TaskRecord } from './task-record';
import { useTaskActions } from './useTaskActions';

/** Gives a claimed task back to the queue: its claimer, or a manager of the store. */
export function UnclaimTaskButton() {
  const task = useRecordContext<TaskRecord>();
  const notify = useNotify();
  const refresh = useRefresh();
  const { permissions } = usePermissions<Permissions>();
  const { unclaimTask } = useTaskActions();
  const { mutate, isPending } = useMutation({
    mutationFn: () => unclaimTask(task?.id ?? ''),
    onSuccess: () => {
      notify('omni.task.unclaimed', { type: 'info' });
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (task === undefined || !canUnclaimTask(permissions, task)) return null;
  return (
    <Button label="omni.task.unclaim" onClick={() => mutate()} disabled={isPending}>
      <UndoIcon />
    </Button>
  );
}
