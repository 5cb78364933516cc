import { Tab, Tabs } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';
import { reviewTabOf, reviewTabs, type DiscrepancyListFilter, type ReviewTab } from './discrepancy-record';

/** What to look at: what still needs a decision (the default), what waits for a second admin, what is decided. */
export function ReviewTabs() {
  const listContext = useListContext();
  const translate = useTranslate();
  const filterValues = listContext.filterValues as DiscrepancyListFilter;
  const current = reviewTabOf(filterValues.status);
  const choose = (tab: ReviewTab) => {
    const { status: _status, ...others } = filterValues;
    const statuses = reviewTabs.find((candidate) => candidate.id === tab)?.statuses ?? [];
    listContext.setFilters(
      statuses.length === 0 ? others : { ...others, status: [...statuses] },
      listContext.displayedFilters as Record<string, boolean>,
    );
  };
  return (
    <Tabs
      value={current ?? false}
      onChange={(_event, tab: ReviewTab) => choose(tab)}
      variant="scrollable"
      scrollButtons="auto"
      className="review-tabs"
    >
      {reviewTabs.map((tab) => (
        <Tab key={tab.id} value={tab.id} label={translate(`omni.discrepancy.tab_${tab.id}`)} />
      ))}
    </Tabs>
  );
}
