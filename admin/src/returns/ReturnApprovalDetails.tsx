import { Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useGetOne, useRecordContext, useTranslate } from 'react-admin';
import { useLocaleFormat } from '../shared/useLocaleFormat';
import { type ReturnRecord } from './return-record';

/**
 * A return's approval request in words a manager decides on: the items, the refund asked as money,
 * why it needs them (each reason in words), what the customer says and, for a late one, why it was taken.
 */
export function ReturnApprovalDetails() {
  const approval = useRecordContext<{ subjectId: string }>();
  const translate = useTranslate();
  const format = useLocaleFormat();
  const { data: record } = useGetOne<ReturnRecord>('returns', { id: approval?.subjectId ?? '' }, { enabled: approval !== undefined });
  if (record === undefined) return null;
  const rows: [string, string][] = [
    [translate('omni.return.order'), `${record.orderExternalId} (${record.channelCode})`],
    [translate('omni.return.approval_items'), record.lines.map((line) => `${line.quantity} × ${line.productName}`).join(', ')],
    [translate('omni.return.approval_amount'), format.money(record.refundTotalMinor, record.currency)],
    [
      translate('omni.return.approval_title'),
      record.approvalReasons.map((reason) => translate(`omni.return.approval_reason.${reason}`)).join('; '),
    ],
    [translate('resources.returns.fields.reasonCode'), translate(`omni.return.reason_code.${record.reasonCode}`)],
    [translate('omni.return.approval_customer_says'), record.reason],
    [translate('resources.returns.fields.proofOfPurchase'), translate(record.proofOfPurchase ? 'omni.return.yes' : 'omni.return.no')],
    ...(record.overrideReason === null
      ? []
      : [[translate('resources.returns.fields.overrideReason'), record.overrideReason] as [string, string]]),
    [translate('resources.returns.fields.storeCode'), record.storeCode ?? '—'],
  ];
  return (
    <Stack spacing={1} className="return-approval-details" sx={{ maxWidth: 720 }}>
      <Typography variant="subtitle1">{translate('omni.return.approval_title')}</Typography>
      <Table size="small">
        <TableBody>
          {rows.map(([label, value]) => (
            <TableRow key={label}>
              <TableCell component="th" sx={{ width: '35%' }}>
                {label}
              </TableCell>
              <TableCell sx={{ overflowWrap: 'anywhere' }}>{value}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Stack>
  );
}
