import PanToolIcon from '@mui/icons-material/PanTool';
import { useMutation } from '@tanstack/react-query';
import { Button, useCanAccess, useNotify, usePermissions, useRecordContext, useRefresh } from 'react-admin';
import { type Permissions } from '../auth/permissions';
import { canWorkOnTask } from './task-permissions';
import { type TaskRecord } from './task-record';
import { useTaskActions } from './useTaskActions';

/** Takes an open task, so colleagues see someone is on it. */
export function ClaimTaskButton() {
  const task = useRecordContext<TaskRecord>();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource: 'tasks', action: 'claim' });
  const { permissions } = usePermissions<Permissions>();
  const { claimTask } = useTaskActions();
  const { mutate, isPending } = useMutation({
    mutationFn: () => claimTask(task?.id ?? ''),
    onSuccess: () => {
      notify('omni.task.claimed', { type: 'info' });
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (canAccess !== true || task?.status !== 'OPEN' || !canWorkOnTask(permissions, task)) return null;
  return (
    <Button label="omni.task.claim" onClick={() => mutate()} disabled={isPending}>
      <PanToolIcon />
    </Button>
  );
}
