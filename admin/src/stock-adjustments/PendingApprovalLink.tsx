import { Button } from '@mui/material';
import { Link, useCreatePath, useGetList, useRecordContext, useTranslate } from 'react-admin';
import { type StockAdjustmentRecord } from './stock-adjustment-record';

/** While the adjustment waits for a second person, a way to its request in the Approvals inbox. */
export function PendingApprovalLink() {
  const record = useRecordContext<StockAdjustmentRecord>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const waiting = record?.status === 'AWAITING_APPROVAL';
  const { data } = useGetList<{ id: string }>(
    'approvals',
    {
      filter: { subjectId: record?.id, status: 'PENDING' },
      pagination: { page: 1, perPage: 1 },
      sort: { field: 'slaDueAt', order: 'ASC' },
    },
    { enabled: waiting },
  );
  const approval = data?.[0];
  if (!waiting || approval === undefined) return null;
  return (
    <Button component={Link} to={createPath({ resource: 'approvals', id: approval.id, type: 'show' })} variant="outlined">
      {translate('omni.stock_adjustment.open_approval')}
    </Button>
  );
}
