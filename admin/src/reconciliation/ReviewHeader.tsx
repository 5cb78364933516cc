import { Alert, Stack, Typography } from '@mui/material';
import { Link, useGetOne, useListContext, useTranslate } from 'react-admin';
import { type OutageRecord } from '../outages/outage-record';
import { useOutageSubject } from '../outages/useOutageSubject';
import { type DiscrepancyListFilter } from './discrepancy-record';

/** Which outage's reconciliation is being reviewed, with its state and a way back; or a hint to pick one. */
export function ReviewHeader() {
  const translate = useTranslate();
  const { outageId } = useListContext().filterValues as DiscrepancyListFilter;
  const { data: outage } = useGetOne<OutageRecord>('outages', { id: outageId ?? '' }, { enabled: outageId !== undefined });
  const { name } = useOutageSubject(outage);
  if (outageId === undefined)
    return (
      <Alert severity="info" sx={{ mx: 1, mt: 1 }} className="review-pick-outage">
        {translate('omni.discrepancy.pick_outage')}
      </Alert>
    );
  if (outage === undefined) return null;
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'baseline', px: 2, pt: 1 }} className="review-header">
      <Typography variant="subtitle1">{translate('omni.discrepancy.review_of', { name })}</Typography>
      <Typography variant="body2" color="text.secondary">
        {translate(`omni.outage.status.${outage.status}`)}
      </Typography>
      <Link to={`/outages/${encodeURIComponent(outage.id)}/show`}>{translate('omni.discrepancy.open_outage')}</Link>
    </Stack>
  );
}
