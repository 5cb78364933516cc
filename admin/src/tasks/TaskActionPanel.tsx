import { Alert, Stack } from '@mui/material';
import { useCanAccess, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { type Permissions } from '../auth/permissions';
import { ClosedTaskNextStep } from './ClosedTaskNextStep';
import { useActorName } from '../shared/usePeople';
import { canWorkOnTask, isClaimedByAnother } from './task-permissions';
import { taskForms } from './task-forms';
import { isActionable, type TaskRecord } from './task-record';
import { UnlockTaskButton } from './UnlockTaskButton';

/** What can be done with the task now: its completion form, the locked state, or why nothing can. */
export function TaskActionPanel() {
  const task = useRecordContext<TaskRecord>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'tasks', action: 'complete' });
  const { permissions } = usePermissions<Permissions>();
  const actorName = useActorName();
  if (task === undefined) return null;
  if (task.status === 'LOCKED') {
    return (
      <Stack spacing={1} className="task-locked">
        <Alert severity="warning">{translate('omni.task.locked')}</Alert>
        <div>
          <UnlockTaskButton />
        </div>
      </Stack>
    );
  }
  if (!isActionable(task)) return <ClosedTaskNextStep task={task} />;
  if (canAccess !== true) return null;
  if (!canWorkOnTask(permissions, task)) return <Alert severity="info">{translate('omni.task.managers_only')}</Alert>;
  if (isClaimedByAnother(permissions, task))
    return (
      <Alert severity="info" className="task-claimed-by-another">
        {translate('omni.task.claimed_by_another', { name: actorName(task.assigneeUserId) })}
      </Alert>
    );
  const Form = taskForms[task.type];
  return Form === undefined ? null : <Form />;
}
