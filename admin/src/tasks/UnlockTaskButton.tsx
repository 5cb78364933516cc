import LockOpenIcon from '@mui/icons-material/LockOpen';
import { useMutation } from '@tanstack/react-query';
import { Button, useNotify, usePermissions, useRecordContext, useRefresh } from 'react-admin';
import { type Permissions } from '../auth/permissions';
import { canUnlockTask } from './task-permissions';
import { type TaskRecord } from './task-record';
import { useTaskActions } from './useTaskActions';

/** A store manager reopens a hand-over locked by wrong codes. */
export function UnlockTaskButton() {
  const task = useRecordContext<TaskRecord>();
  const { permissions } = usePermissions<Permissions>();
  const notify = useNotify();
  const refresh = useRefresh();
  const { unlockTask } = useTaskActions();
  const { mutate, isPending } = useMutation({
    mutationFn: () => unlockTask(task?.id ?? ''),
    onSuccess: () => {
      notify('omni.task.unlocked', { type: 'info' });
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (task?.status !== 'LOCKED' || !canUnlockTask(permissions, task)) return null;
  return (
    <Button label="omni.task.unlock" variant="contained" onClick={() => mutate()} disabled={isPending}>
      <LockOpenIcon />
    </Button>
  );
}
