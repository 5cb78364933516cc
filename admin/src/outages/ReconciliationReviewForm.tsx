import FactCheckIcon from '@mui/icons-material/FactCheck';
import { Button, Stack, Typography } from '@mui/material';
import { Link, useGetOne, useRecordContext, useTranslate } from 'react-admin';
import { openStatuses } from '../reconciliation/discrepancy-record';
import { useLocaleFormat } from '../shared/useLocaleFormat';
import { type TaskRecord } from '../tasks/task-record';
import { type OutageRecord } from './outage-record';
import { type ReconciliationReviewPayload } from './outage-task-record';
import { useOutageCurrency, useOutageSubject } from './useOutageSubject';

/** Where a review task leads: the outage's pending discrepancies. */
export const reviewPathOf = (outageId: string) => ({
  pathname: '/discrepancies',
  search: `filter=${encodeURIComponent(JSON.stringify({ outageId, status: openStatuses }))}`,
});

/**
 * An outage's reconciliation waiting for admins: how many discrepancies and how much value, with the way to
 * the review table. The task closes itself once nothing is pending, so there is nothing to complete here.
 */
export function ReconciliationReviewForm() {
  const task = useRecordContext<TaskRecord>();
  const translate = useTranslate();
  const format = useLocaleFormat();
  const payload = task?.payload as unknown as ReconciliationReviewPayload | undefined;
  const { data: outage } = useGetOne<OutageRecord>(
    'outages',
    { id: payload?.outageId ?? '' },
    { enabled: payload?.outageId !== undefined },
  );
  const { name } = useOutageSubject(outage);
  const outageCurrency = useOutageCurrency(outage);
  if (task === undefined || payload === undefined) return null;
  const currency = payload.currency ?? outageCurrency;
  return (
    <Stack spacing={1} className="reconciliation-review-form">
      <Typography variant="subtitle1">{translate('omni.outage_task.review_title', { name })}</Typography>
      <Typography variant="body1" className="review-summary">
        {translate('omni.outage_task.review_summary', {
          smart_count: payload.pending,
          value: currency === undefined ? format.count(payload.valueMinor) : format.money(payload.valueMinor, currency),
        })}
      </Typography>
      <div>
        <Button
          component={Link}
          to={reviewPathOf(payload.outageId)}
          variant="contained"
          size="large"
          startIcon={<FactCheckIcon />}
          className="open-review"
        >
          {translate('omni.outage_task.open_review')}
        </Button>
      </div>
    </Stack>
  );
}
