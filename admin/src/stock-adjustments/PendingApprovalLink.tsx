import { Button } from '@mui/material';
import { Link, useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import { usePendingApproval } from '../approvals/usePendingApproval';
import { type StockAdjustmentRecord } from './stock-adjustment-record';

/** While the adjustment waits for a second person, a way to its request in the Approvals inbox. */
export function PendingApprovalLink() {
  const record = useRecordContext<StockAdjustmentRecord>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const waiting = record?.status === 'AWAITING_APPROVAL';
  const approval = usePendingApproval(record?.id, waiting);
  if (!waiting || approval === undefined) return null;
  return (
    <Button component={Link} to={createPath({ resource: 'approvals', id: approval.id, type: 'show' })} variant="outlined">
      {translate('omni.stock_adjustment.open_approval')}
    </Button>
  );
}
