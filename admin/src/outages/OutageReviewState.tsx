import { Alert } from '@mui/material';
import { Link, useRecordContext, useTranslate } from 'react-admin';
import { useLocaleFormat } from '../shared/useLocaleFormat';
import { reviewPathOf } from './ReconciliationReviewForm';
import { type OutageRecord } from './outage-record';
import { useOutageCurrency } from './useOutageSubject';

/** While the reconciliation waits for people: how much is left to decide, and the way to it. */
export function OutageReviewState() {
  const outage = useRecordContext<OutageRecord>();
  const translate = useTranslate();
  const format = useLocaleFormat();
  const currency = useOutageCurrency(outage);
  const review = outage?.review;
  if (outage === undefined || review === undefined || review.pending + review.awaitingSecondApproval === 0) return null;
  return (
    <Alert severity="warning" className="outage-review-state" data-pending={review.pending}>
      {translate('omni.outage.review_waiting', {
        smart_count: review.pending,
        second: review.awaitingSecondApproval,
        value: currency === undefined ? format.count(review.valueMinor) : format.money(review.valueMinor, currency),
      })}{' '}
      <Link to={reviewPathOf(outage.id)} className="outage-review-open">
        {translate('omni.outage.review_open')}
      </Link>
    </Alert>
  );
}
