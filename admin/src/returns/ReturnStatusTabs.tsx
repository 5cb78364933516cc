import { Tab, Tabs } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';
import { returnStatusTabs } from './return-record';

const allStatuses = 'ALL';

/** One tab per status a return waits in or ends with; the chosen one is the list's `status` filter. */
export function ReturnStatusTabs() {
  const listContext = useListContext();
  const filterValues = listContext.filterValues as Record<string, unknown>;
  const translate = useTranslate();
  const current = typeof filterValues.status === 'string' ? filterValues.status : allStatuses;
  const choose = (tab: string) => {
    const { status: _status, ...others } = filterValues;
    listContext.setFilters(
      tab === allStatuses ? others : { ...others, status: tab },
      listContext.displayedFilters as Record<string, boolean>,
    );
  };
  return (
    <Tabs
      value={current}
      onChange={(_event, status: string) => choose(status)}
      variant="scrollable"
      scrollButtons="auto"
      className="return-status-tabs"
      // Scrollable tabs scroll inside the list; unbounded they would widen a phone's page.
      sx={{ maxWidth: 'calc(100vw - 16px)' }}
    >
      <Tab value={allStatuses} label={translate('omni.return.all_statuses')} />
      {returnStatusTabs.map((status) => (
        <Tab key={status} value={status} label={translate(`omni.return.status.${status}`)} />
      ))}
      {/* A status chosen in the filter that has no tab of its own (e.g. Approved) stays selectable. */}
      {current !== allStatuses && !(returnStatusTabs as readonly string[]).includes(current) && (
        <Tab value={current} label={translate(`omni.return.status.${current}`)} />
      )}
    </Tabs>
  );
}
