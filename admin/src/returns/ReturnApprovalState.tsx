import { Alert, Button, Stack, Typography } from '@mui/material';
import { Link, useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import { usePendingApproval } from '../approvals/usePendingApproval';
import { useLocaleFormat } from '../shared/useLocaleFormat';
import { usePeople } from '../shared/usePeople';
import { useStoreTimeZone } from '../shared/useStoreTimeZone';
import { type ReturnRecord } from './return-record';

/**
 * Whether the return needs a manager, why (in words), where the request waits, and who decided when.
 */
export function ReturnApprovalState() {
  const record = useRecordContext<ReturnRecord>();
  const translate = useTranslate();
  const format = useLocaleFormat();
  const createPath = useCreatePath();
  const people = usePeople();
  const timeZone = useStoreTimeZone({ id: record?.receivedAtStoreId });
  const waiting = record?.status === 'AWAITING_APPROVAL';
  const approval = usePendingApproval(record?.id, waiting);
  if (record === undefined) return null;
  if (record.approvalReasons.length === 0)
    return (
      <Typography variant="body2" className="return-approval">
        {translate('omni.return.no_approval_needed')}
      </Typography>
    );
  const decider = people?.find((person) => person.id === record.approvedByUserId)?.name ?? record.approvedByUserId ?? '';
  const decidedAt = record.approvedAt === null ? '' : format.dateTime(record.approvedAt, { timeZone });
  return (
    <Stack spacing={1} className="return-approval" sx={{ maxWidth: 640 }}>
      <Typography variant="body2">{translate('omni.return.approval_needed')}</Typography>
      <ul style={{ margin: 0 }}>
        {record.approvalReasons.map((reason) => (
          <li key={reason} data-reason={reason}>
            <Typography variant="body2">{translate(`omni.return.approval_reason.${reason}`)}</Typography>
          </li>
        ))}
      </ul>
      {waiting && approval !== undefined && (
        <div>
          <Button component={Link} to={createPath({ resource: 'approvals', id: approval.id, type: 'show' })} variant="outlined">
            {translate('omni.return.open_approval')}
          </Button>
        </div>
      )}
      {record.approvedByUserId !== null && (
        <Alert severity={record.status === 'REJECTED' ? 'warning' : 'success'} className="return-decision">
          {translate(record.status === 'REJECTED' ? 'omni.return.rejected_by' : 'omni.return.approved_by', {
            name: decider,
            date: decidedAt,
          })}
        </Alert>
      )}
    </Stack>
  );
}
