import { Tab, Tabs } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';
import { orderStatusTabs } from './order-choices';

const allStatuses = 'ALL';
/** Orders accepted whose run has not started yet (retrying) or was refused: what an operator watches. */
const startOutstanding = 'START_OUTSTANDING';
const outstandingStarts = ['PENDING', 'FAILED'];

/**
 * One tab per status a pickup order goes through, the chosen one being the list's `status` filter, and a
 * last tab for orders still waiting for their run (`startStatus` PENDING or FAILED).
 */
export function OrderStatusTabs() {
  const listContext = useListContext();
  const filterValues = listContext.filterValues as Record<string, unknown>;
  const translate = useTranslate();
  const current =
    filterValues.startStatus !== undefined ? startOutstanding : typeof filterValues.status === 'string' ? filterValues.status : allStatuses;
  const choose = (tab: string) => {
    const { status: _status, startStatus: _startStatus, ...others } = filterValues;
    const chosen =
      tab === allStatuses ? others : tab === startOutstanding ? { ...others, startStatus: outstandingStarts } : { ...others, status: tab };
    listContext.setFilters(chosen, listContext.displayedFilters as Record<string, boolean>);
  };
  return (
    <Tabs value={current} onChange={(_event, status: string) => choose(status)} variant="scrollable" scrollButtons="auto">
      <Tab value={allStatuses} label={translate('omni.order.all_statuses')} />
      {orderStatusTabs.map((status) => (
        <Tab key={status} value={status} label={translate(`omni.order_status.${status}`)} />
      ))}
      <Tab value={startOutstanding} label={translate('omni.order.start_outstanding')} className="start-outstanding-tab" />
    </Tabs>
  );
}
