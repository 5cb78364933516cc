import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { type Permissions } from '../auth/permissions';
import { usePeople } from '../shared/usePeople';
import { isManagerOfTaskStore } from './task-permissions';
import { isActionable, type TaskRecord } from './task-record';
import { useTaskActions } from './useTaskActions';

/** A manager of the store (or an admin) hands the task to an active colleague of its store. */
export function ReassignTaskButton() {
  const task = useRecordContext<TaskRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { permissions } = usePermissions<Permissions>();
  const people = usePeople();
  const [open, setOpen] = useState(false);
  const [userId, setUserId] = useState('');
  const { reassignTask } = useTaskActions();
  const { mutate, isPending } = useMutation({
    mutationFn: () => reassignTask(task?.id ?? '', userId),
    onSuccess: () => {
      setOpen(false);
      notify('omni.task.reassigned', { type: 'info' });
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (task === undefined || !isActionable(task) || !isManagerOfTaskStore(permissions, task)) return null;
  const colleagues = (people ?? []).filter(
    (person) => person.active && person.storeId === task.storeId && person.id !== task.assigneeUserId,
  );
  return (
    <>
      <Button label="omni.task.reassign" onClick={() => setOpen(true)}>
        <SwapHorizIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
        <DialogTitle>{translate('omni.task.reassign_title')}</DialogTitle>
        <DialogContent>
          <TextField
            select
            fullWidth
            margin="normal"
            name="assignee"
            label={translate('omni.task.reassign_to')}
            value={userId}
            onChange={(event) => setUserId(event.target.value)}
          >
            {colleagues.map((person) => (
              <MenuItem key={person.id} value={person.id}>
                {person.name}
              </MenuItem>
            ))}
          </TextField>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)} sx={{ textTransform: 'none' }}>
            {translate('omni.task.reassign_keep')}
          </MuiButton>
          <MuiButton variant="contained" sx={{ textTransform: 'none' }} disabled={userId === '' || isPending} onClick={() => mutate()}>
            {translate('omni.task.reassign')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
