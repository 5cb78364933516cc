import { Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useActorName } from '../shared/usePeople';
import { type TaskRecord } from './task-record';

/** Who claimed the task, by name, or that nobody has. */
export function TaskAssigneeField(_props: { source?: string; label?: string }) {
  const task = useRecordContext<TaskRecord>();
  const translate = useTranslate();
  const actorName = useActorName();
  if (task === undefined) return null;
  return (
    <Typography component="span" variant="body2" className="task-assignee">
      {task.assigneeUserId === null ? translate('omni.task.unassigned') : actorName(task.assigneeUserId)}
    </Typography>
  );
}
