import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useDateTimeFormat } from '../shared/useDateTimeFormat';
import { useLocaleFormat } from '../shared/useLocaleFormat';
import { useActorName } from '../shared/usePeople';
import { type OutageRecord } from './outage-record';
import { useOutageCurrency, useOutageSubject } from './useOutageSubject';

const signed = (value: number) => (value > 0 ? `+${value}` : String(value));

/** The report's second half: who approved (and who approved second), rejected or decided what, and when. */
export function OutageDecisions() {
  const outage = useRecordContext<OutageRecord>();
  const translate = useTranslate();
  const format = useLocaleFormat();
  const actorName = useActorName();
  const currency = useOutageCurrency(outage);
  const { store } = useOutageSubject(outage);
  const time = useDateTimeFormat(store?.timeZone);
  const approvals = outage?.approvals ?? [];
  if (outage === undefined) return null;
  if (approvals.length === 0)
    return (
      <Typography variant="body2" className="outage-decisions-none">
        {translate('omni.outage.decisions_none')}
      </Typography>
    );
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" className="outage-decisions">
        <TableHead>
          <TableRow>
            <TableCell>{translate('omni.discrepancy.class_column')}</TableCell>
            <TableCell>{translate('resources.discrepancies.fields.sku')}</TableCell>
            <TableCell align="right">{translate('resources.discrepancies.fields.correction')}</TableCell>
            <TableCell align="right">{translate('omni.outage.report_value')}</TableCell>
            <TableCell>{translate('omni.outage.decision_column')}</TableCell>
            <TableCell>{translate('omni.outage.decided_by_column')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {approvals.map((approval) => (
            <TableRow key={approval.discrepancyId} className="outage-decision" data-status={approval.status}>
              <TableCell>{translate(`omni.discrepancy.class.${approval.class}`, { _: approval.class })}</TableCell>
              <TableCell sx={{ overflowWrap: 'anywhere' }}>{approval.sku}</TableCell>
              <TableCell align="right">{signed(approval.correction)}</TableCell>
              <TableCell align="right">
                {currency === undefined ? format.count(approval.valueMinor) : format.money(approval.valueMinor, currency)}
              </TableCell>
              <TableCell>
                {translate(`omni.discrepancy.status.${approval.status}`, { _: approval.status })}
                {approval.decision !== null && approval.decision !== 'APPROVE' && approval.decision !== 'REJECT' && (
                  <Typography variant="caption" component="div" color="text.secondary">
                    {translate(`omni.discrepancy.decision.${approval.decision}`, { _: approval.decision })}
                  </Typography>
                )}
              </TableCell>
              <TableCell className="decision-people">
                {approval.firstApprovedBy !== null && approval.firstApprovedBy !== approval.decidedBy && (
                  <Typography variant="body2">
                    {translate('omni.outage.first_approval_by', { name: actorName(approval.firstApprovedBy) })}
                  </Typography>
                )}
                <Typography variant="body2">
                  {approval.decidedBy === null ? '—' : `${actorName(approval.decidedBy)} · ${time(approval.decidedAt)}`}
                </Typography>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
