import { useEffect, useRef } from 'react';
import { useCanAccess, useGetList } from 'react-admin';
import { adminConfig } from '../config';
import { inboxStatuses } from '../tasks/task-record';
import { arrivedSince, newTaskSoundOn, playChime, titleWithCount } from './new-task-alert';

const baseTitle = document.title;

/**
 * Polls the open tasks the user may work on (the API narrows store staff to their store) with the inbox:
 * their count goes into the tab's title, and a rise plays the chime if the user switched it on. Mounted
 * in the layout, not the menu, because on a phone the menu is a closed drawer that renders nothing.
 */
export function NewTaskAlert() {
  const { canAccess } = useCanAccess({ resource: 'tasks', action: 'list' });
  const { total } = useGetList(
    'tasks',
    { pagination: { page: 1, perPage: 1 }, sort: { field: 'dueAt', order: 'ASC' }, filter: { status: inboxStatuses } },
    { enabled: canAccess === true, refetchInterval: adminConfig.inboxRefreshMs },
  );
  const previous = useRef<number | undefined>(undefined);

  useEffect(() => {
    if (total === undefined) return;
    if (arrivedSince(previous.current, total) && newTaskSoundOn()) playChime();
    previous.current = total;
    document.title = titleWithCount(baseTitle, total);
  }, [total]);
  useEffect(
    () => () => {
      document.title = baseTitle;
    },
    [],
  );
  return null;
}
