import { Alert } from '@mui/material';
import { Link, useGetList, useRecordContext } from 'react-admin';
import { conflictListPath } from './conflict-compare';
import { type OutageRecord } from './outage-record';
import { useScreenMessages } from './useScreenMessages';

/** A store outage's receipts imported again with other content: how many wait, and the way to compare them. */
export function OutageConflictsState() {
  const outage = useRecordContext<OutageRecord>();
  const t = useScreenMessages();
  const { total } = useGetList(
    'offline-sale-conflicts',
    { filter: { outageId: outage?.id, status: 'OPEN' }, pagination: { page: 1, perPage: 1 }, sort: { field: 'createdAt', order: 'DESC' } },
    { enabled: outage?.kind === 'STORE' },
  );
  if (outage === undefined || outage.kind !== 'STORE' || total === undefined) return null;
  return (
    <Alert severity={total > 0 ? 'warning' : 'info'} className="outage-conflicts" data-open={total}>
      {total > 0 ? t('omni.conflicts.outage_open', { smart_count: total }) : t('omni.conflicts.outage_none')}{' '}
      <Link to={conflictListPath({ outageId: outage.id })} className="outage-conflicts-open">
        {t(total > 0 ? 'omni.conflicts.compare_link' : 'omni.conflicts.open_list')}
      </Link>
    </Alert>
  );
}
