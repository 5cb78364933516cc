import { type Theme, ToggleButton, ToggleButtonGroup, useMediaQuery } from '@mui/material';
import {
  DataTable,
  List,
  ReferenceField,
  SelectField,
  SelectInput,
  TextField,
  usePermissions,
  useRedirect,
  useStore,
  useTranslate,
} from 'react-admin';
import { type Permissions, isConfinedToStore } from '../auth/permissions';
import { adminConfig } from '../config';
import { StoreDateField } from '../shared/StoreDateField';
import { StoreFilterInput } from '../shared/StoreFilterInput';
import { CounterLookup } from './CounterLookup';
import { SlaCountdownChip } from './SlaCountdownChip';
import { TaskAssigneeField } from './TaskAssigneeField';
import { TaskInboxCards } from './TaskInboxCards';
import { assignedChoices, closedStatuses, inboxStatuses, taskQueueChoices, taskStatusChoices, taskTypeChoices } from './task-record';

/**
 * The inbox: tasks someone still has to act on, soonest due first. Store staff see their own store's
 * (the API narrows the list); head office can pick a store. It asks the API again every
 * VITE_INBOX_REFRESH_SECONDS, so a new pick shows up without a reload; on a phone it is a list of cards.
 * "Closed" shows the tasks done, cancelled or expired, latest due first (each view keeps its own filters
 * and sort): a closed task's page still shows what it showed, read-only.
 */
export function TaskList() {
  const { permissions } = usePermissions<Permissions>();
  const translate = useTranslate();
  const [view, setView] = useStore<'open' | 'closed'>('tasks.view', 'open');
  const closed = view === 'closed';
  const redirect = useRedirect();
  // The URL carries the list's filters and sort: leave them behind, each view has its own (storeKey).
  const show = (next: 'open' | 'closed') => {
    setView(next);
    redirect('list', 'tasks');
  };
  const isPhone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const filters = [
    <SelectInput key="assigned" source="assigned" choices={assignedChoices} alwaysOn />,
    <SelectInput key="type" source="type" choices={taskTypeChoices} alwaysOn />,
    <SelectInput key="queue" source="queue" choices={taskQueueChoices} />,
    ...(isConfinedToStore(permissions) ? [] : [<StoreFilterInput key="storeId" alwaysOn />]),
  ];
  return (
    <>
      <CounterLookup />
      <ToggleButtonGroup
        exclusive
        size="small"
        value={view}
        onChange={(_event, next: 'open' | 'closed' | null) => next !== null && show(next)}
        aria-label={translate('omni.task.view')}
        sx={{ mt: 1 }}
      >
        <ToggleButton value="open">{translate('omni.task.view_open')}</ToggleButton>
        <ToggleButton value="closed">{translate('omni.task.view_closed')}</ToggleButton>
      </ToggleButtonGroup>
      <List
        key={view}
        storeKey={closed ? 'tasks.closed.listParams' : 'tasks.listParams'}
        sort={closed ? { field: 'dueAt', order: 'DESC' } : { field: 'dueAt', order: 'ASC' }}
        filter={{ status: closed ? closedStatuses : inboxStatuses }}
        filters={filters}
        perPage={adminConfig.listPageSize}
        title={closed ? 'omni.task.closed_tasks' : 'omni.task.open_tasks'}
        queryOptions={{ refetchInterval: adminConfig.inboxRefreshMs }}
        // An empty inbox keeps its filters and keeps asking: react-admin's "No tasks yet" page would not.
        empty={false}
      >
        {isPhone ? (
          <TaskInboxCards />
        ) : (
          <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="title" disableSort />
            <DataTable.Col source="type">
              <SelectField source="type" choices={taskTypeChoices} />
            </DataTable.Col>
            <DataTable.Col source="status">
              <SelectField source="status" choices={taskStatusChoices} />
            </DataTable.Col>
            <DataTable.Col source="assigneeEmail" disableSort>
              <TaskAssigneeField />
            </DataTable.Col>
            <DataTable.Col source="storeId" disableSort>
              <ReferenceField source="storeId" reference="stores" link={false}>
                <TextField source="code" />
              </ReferenceField>
            </DataTable.Col>
            <DataTable.Col source="dueAt">
              <StoreDateField source="dueAt" showTime emptyText="—" />
            </DataTable.Col>
            <DataTable.Col source="sla" disableSort field={SlaCountdownChip} />
          </DataTable>
        )}
      </List>
    </>
  );
}
