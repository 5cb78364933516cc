import { Tab, Tabs } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';
import { orderStatusTabs } from './order-choices';

const allStatuses = 'ALL';

/** One tab per status a pickup order goes through; the chosen tab is the list's `status` filter. */
export function OrderStatusTabs() {
  const listContext = useListContext();
  const filterValues = listContext.filterValues as Record<string, unknown>;
  const translate = useTranslate();
  const current = typeof filterValues.status === 'string' ? filterValues.status : allStatuses;
  const choose = (status: string) => {
    const { status: _previous, ...others } = filterValues;
    listContext.setFilters(
      status === allStatuses ? others : { ...others, status },
      listContext.displayedFilters as Record<string, boolean>,
    );
  };
  return (
    <Tabs value={current} onChange={(_event, status: string) => choose(status)} variant="scrollable" scrollButtons="auto">
      <Tab value={allStatuses} label={translate('omni.order.all_statuses')} />
      {orderStatusTabs.map((status) => (
        <Tab key={status} value={status} label={translate(`omni.order_status.${status}`)} />
      ))}
    </Tabs>
  );
}
