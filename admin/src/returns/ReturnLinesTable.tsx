import { Table, TableBody, TableCell, TableFooter, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useLocaleFormat } from '../shared/useLocaleFormat';
import { type ReturnRecord } from './return-record';

/** Every line: what came back, what the counter saw and the inspection graded, and its refund as money. */
export function ReturnLinesTable() {
  const record = useRecordContext<ReturnRecord>();
  const translate = useTranslate();
  const format = useLocaleFormat();
  if (record === undefined) return null;
  const label = (prefix: string, value: string | null) => (value === null ? '—' : translate(`omni.return.${prefix}.${value}`));
  return (
    <Table size="small" className="return-lines" sx={{ maxWidth: 1000 }}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('omni.return.product')}</TableCell>
          <TableCell align="right">{translate('omni.return.quantity')}</TableCell>
          <TableCell>{translate('omni.return.condition_seen')}</TableCell>
          <TableCell>{translate('omni.return.grade_label')}</TableCell>
          <TableCell>{translate('omni.return.disposition_label')}</TableCell>
          <TableCell align="right">{translate('omni.return.refund')}</TableCell>
          <TableCell>{translate('omni.return.refund_status_label')}</TableCell>
          <TableCell>{translate('omni.return.reference')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {record.lines.map((line) => (
          <TableRow key={line.id} data-sku={line.sku}>
            <TableCell>
              <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
                {line.productName}
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {line.sku}
              </Typography>
            </TableCell>
            <TableCell align="right">{format.count(line.quantity)}</TableCell>
            <TableCell>{label('grade', line.conditionSeen)}</TableCell>
            <TableCell className="line-grade">{label('grade', line.condition)}</TableCell>
            <TableCell>{label('disposition', line.disposition)}</TableCell>
            <TableCell align="right" className="line-refund">
              {format.money(line.refundMinor, record.currency)}
            </TableCell>
            <TableCell className="line-refund-status">{label('refund_status', line.refundStatus)}</TableCell>
            <TableCell sx={{ overflowWrap: 'anywhere' }}>{line.refundReference ?? '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
      <TableFooter>
        <TableRow>
          <TableCell colSpan={5}>{translate('omni.return.total')}</TableCell>
          <TableCell align="right" className="return-refund-total">
            {format.money(record.refundTotalMinor, record.currency)}
          </TableCell>
          <TableCell colSpan={2} />
        </TableRow>
      </TableFooter>
    </Table>
  );
}
