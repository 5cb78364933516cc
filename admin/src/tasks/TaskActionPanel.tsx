import { Alert, Stack } from '@mui/material';
import { useCanAccess, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { type Permissions } from '../auth/permissions';
import { ClosedTaskNextStep } from './ClosedTaskNextStep';
import { ClosedTaskOutcome } from './ClosedTaskOutcome';
import { useActorName } from '../shared/usePeople';
import { canWorkOnTask, isClaimedByAnother } from './task-permissions';
import { taskForms, typesReadableWhenClosed } from './task-forms';
import { isActionable, type TaskRecord } from './task-record';
import { UnlockTaskButton } from './UnlockTaskButton';

/**
 * What can be done with the task now: its completion form, the locked state, or why nothing can. A closed
 * task shows how it ended (who, when, the outcome) and, for the types that have one, its form read-only.
 */
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
  if (!isActionable(task)) {
    const ReadOnly = typesReadableWhenClosed.has(task.type) ? taskForms[task.type] : undefined;
    return (
      <Stack spacing={2} className="task-closed" sx={{ width: '100%' }}>
        <ClosedTaskNextStep task={task} />
        <ClosedTaskOutcome task={task} />
        {ReadOnly !== undefined && <ReadOnly />}
      </Stack>
    );
  }
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
