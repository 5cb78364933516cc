import { Badge, ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import AssignmentLateIcon from '@mui/icons-material/AssignmentLate';
import { Link, useCanAccess, useGetList, usePermissions, useTranslate } from 'react-admin';
import { type Permissions, isConfinedToStore } from '../auth/permissions';
import { adminConfig } from '../config';
import { inboxStatuses, taskQueues } from '../tasks/task-record';

/** One count per queue: ask for a single row and read the total. */
const countOnly = { pagination: { page: 1, perPage: 1 }, sort: { field: 'dueAt', order: 'ASC' as const } };

function QueueCount({ queue }: { queue: string }) {
  const translate = useTranslate();
  const filter = { status: inboxStatuses, queue };
  const { total } = useGetList('tasks', { ...countOnly, filter }, { refetchInterval: adminConfig.inboxRefreshMs });
  const count = total ?? 0;
  const queueName = translate(`omni.task_queue.${queue}`);
  return (
    // Not a Menu.Item: these link into the Tasks list, which must stay the one highlighted entry.
    <MenuItem
      component={Link}
      to={{ pathname: '/tasks', search: `filter=${encodeURIComponent(JSON.stringify({ queue }))}` }}
      className="open-task-count"
      // "Layanan pelanggan: 0 terbuka" is longer than the menu is wide: wrap rather than cut it off.
      sx={{ whiteSpace: 'normal' }}
      data-queue={queue}
      data-count={count}
    >
      <ListItemIcon>
        <Badge badgeContent={count} color="error" max={99}>
          <AssignmentLateIcon />
        </Badge>
      </ListItemIcon>
      <ListItemText>{translate('omni.task.open_in_queue', { queue: queueName, count })}</ListItemText>
    </MenuItem>
  );
}

/**
 * Open tasks per queue under the menu, refreshed with the inbox, so a clerk on another screen sees a new
 * pick arrive. Store staff only have store work (their store's and, escalated, its managers' queue).
 */
export function OpenTaskCounts() {
  const { canAccess } = useCanAccess({ resource: 'tasks', action: 'list' });
  const { permissions } = usePermissions<Permissions>();
  if (canAccess !== true) return null;
  const queues = isConfinedToStore(permissions)
    ? taskQueues.filter((queue) => queue !== 'CUSTOMER_SERVICE' && queue !== 'ADMIN')
    : taskQueues;
  return (
    <>
      {queues.map((queue) => (
        <QueueCount key={queue} queue={queue} />
      ))}
    </>
  );
}
