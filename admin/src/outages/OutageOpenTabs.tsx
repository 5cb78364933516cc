import { Tab, Tabs } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';

const tabs = ['open', 'resolved', 'all'] as const;
type OpenTab = (typeof tabs)[number];

/** Open outages first (what is down now), then the resolved ones with their reports, or all: the API's `open` filter. */
export function OutageOpenTabs() {
  const listContext = useListContext();
  const translate = useTranslate();
  const filterValues = listContext.filterValues as Record<string, unknown>;
  const current: OpenTab = filterValues.open === true ? 'open' : filterValues.open === false ? 'resolved' : 'all';
  const choose = (tab: OpenTab) => {
    const { open: _open, ...others } = filterValues;
    listContext.setFilters(
      tab === 'all' ? others : { ...others, open: tab === 'open' },
      listContext.displayedFilters as Record<string, boolean>,
    );
  };
  return (
    <Tabs
      value={current}
      onChange={(_event, tab: OpenTab) => choose(tab)}
      variant="scrollable"
      scrollButtons="auto"
      className="outage-tabs"
    >
      {tabs.map((tab) => (
        <Tab key={tab} value={tab} label={translate(`omni.outage.tab_${tab}`)} />
      ))}
    </Tabs>
  );
}
