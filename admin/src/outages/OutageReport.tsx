import { Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useRecordContext, useTranslate } from 'react-admin';
import { useLocaleFormat } from '../shared/useLocaleFormat';
import { reportLines, reportTotal, type OutageRecord } from './outage-record';
import { useOutageCurrency } from './useOutageSubject';

/** The closing report: how many discrepancies of each class and their value, with a way to every one of them. */
export function OutageReport() {
  const outage = useRecordContext<OutageRecord>();
  const translate = useTranslate();
  const format = useLocaleFormat();
  const currency = useOutageCurrency(outage);
  if (outage === undefined) return null;
  if (outage.report === null)
    return (
      <Typography variant="body2" className="outage-report-pending">
        {translate(outage.status === 'RESOLVED' ? 'omni.outage.report_none' : 'omni.outage.report_pending')}
      </Typography>
    );
  const lines = reportLines(outage.report);
  const total = reportTotal(outage.report);
  const money = (valueMinor: number) => (currency === undefined ? '—' : format.money(valueMinor, currency));
  const reviewLink = (className?: string) => ({
    pathname: '/discrepancies',
    search: `filter=${encodeURIComponent(JSON.stringify({ outageId: outage.id, ...(className !== undefined && { class: className }) }))}`,
  });
  return (
    <Stack spacing={1} className="outage-report" sx={{ minWidth: 0, overflowX: 'auto' }}>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('omni.discrepancy.class_column')}</TableCell>
            <TableCell align="right">{translate('omni.outage.report_count')}</TableCell>
            <TableCell align="right">{translate('omni.outage.report_value')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {lines.length === 0 && (
            <TableRow>
              <TableCell colSpan={3}>{translate('omni.outage.report_clean')}</TableCell>
            </TableRow>
          )}
          {lines.map((line) => (
            <TableRow key={line.className} data-class={line.className} className="outage-report-line">
              <TableCell>
                <Link to={reviewLink(line.className)}>{translate(`omni.discrepancy.class.${line.className}`, { _: line.className })}</Link>
              </TableCell>
              <TableCell align="right" className="report-count">
                {format.count(line.count)}
              </TableCell>
              <TableCell align="right" className="report-value">
                {money(line.valueMinor)}
              </TableCell>
            </TableRow>
          ))}
          <TableRow className="outage-report-total">
            <TableCell sx={{ fontWeight: 'bold' }}>{translate('omni.outage.report_total')}</TableCell>
            <TableCell align="right" sx={{ fontWeight: 'bold' }}>
              {format.count(total.count)}
            </TableCell>
            <TableCell align="right" sx={{ fontWeight: 'bold' }}>
              {money(total.valueMinor)}
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
      <div>
        <Link to={reviewLink()} className="outage-review-link">
          {translate('omni.outage.review_link')}
        </Link>
      </div>
    </Stack>
  );
}
