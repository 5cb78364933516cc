import { Stack, Table, TableBody, TableCell, TableFooter, TableHead, TableRow, type Theme, Typography, useMediaQuery } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useLocaleFormat } from '../shared/useLocaleFormat';
import { type ReturnRecord } from './return-record';

/** Every line: what came back, what the counter saw and the inspection graded, and its refund as money. */
export function ReturnLinesTable() {
  const record = useRecordContext<ReturnRecord>();
  const translate = useTranslate();
  const format = useLocaleFormat();
  const isPhone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  if (record === undefined) return null;
  const label = (prefix: string, value: string | null) => (value === null ? '—' : translate(`omni.return.${prefix}.${value}`));
  if (isPhone) return <ReturnLineCards record={record} label={label} />;
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

/** On a phone: one block per line, label and value under each other, so nothing scrolls sideways. */
function ReturnLineCards({ record, label }: { record: ReturnRecord; label: (prefix: string, value: string | null) => string }) {
  const translate = useTranslate();
  const format = useLocaleFormat();
  const fact = (name: string, value: string, className?: string) => (
    <Typography variant="body2" className={className}>
      <Typography component="span" variant="body2" color="text.secondary">
        {name}:{' '}
      </Typography>
      {value}
    </Typography>
  );
  return (
    <Stack spacing={1} className="return-lines">
      {record.lines.map((line) => (
        <Stack key={line.id} data-sku={line.sku} spacing={0.25} sx={{ borderBottom: 1, borderColor: 'divider', pb: 1 }}>
          <Typography variant="body1" sx={{ overflowWrap: 'anywhere' }}>
            {format.count(line.quantity)} × {line.productName}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {line.sku}
          </Typography>
          {fact(translate('omni.return.condition_seen'), label('grade', line.conditionSeen))}
          {fact(translate('omni.return.grade_label'), label('grade', line.condition), 'line-grade')}
          {fact(translate('omni.return.disposition_label'), label('disposition', line.disposition))}
          {fact(translate('omni.return.refund'), format.money(line.refundMinor, record.currency), 'line-refund')}
          {fact(translate('omni.return.refund_status_label'), label('refund_status', line.refundStatus), 'line-refund-status')}
          {line.refundReference !== null && fact(translate('omni.return.reference'), line.refundReference)}
        </Stack>
      ))}
      <Typography variant="subtitle2" className="return-refund-total">
        {translate('omni.return.total')}: {format.money(record.refundTotalMinor, record.currency)}
      </Typography>
    </Stack>
  );
}
