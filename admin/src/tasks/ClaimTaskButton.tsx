import PanToolIcon from '@mui/icons-material/PanTool';
import { useMutation } from '@tanstack/react-query';
import { Button, useCanAccess, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { type TaskRecord } from './task-record';
import { useTaskActions } from './useTaskActions';

/** Takes an open task, so colleagues see someone is on it. */
export function ClaimTaskButton() {
  const task = useRecordContext<TaskRecord>();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource: 'tasks', action: 'claim' });
  const { claimTask } = useTaskActions();
  const { mutate, isPending } = useMutation({
    mutationFn: () => claimTask(task?.id ?? ''),
    onSuccess: () => {
      notify('omni.task.claimed', { type: 'info' });
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (canAccess !== true || task?.status !== 'OPEN') return null;
  return (
    <Button label="omni.task.claim" onClick={() => mutate()} disabled={isPending}>
      <PanToolIcon />
    </Button>
  );
}
