import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { type ApprovalRecord } from './approval-record';

const shown = (value: string | number | boolean | null) => (value === null ? '—' : String(value));

/** What changed in the subject since approval was asked for: field, then, now. */
export function SubjectDiffTable() {
  const approval = useRecordContext<ApprovalRecord>();
  const translate = useTranslate();
  const diff = approval?.diff ?? [];
  if (diff.length === 0) return <Typography variant="body2">{translate('omni.approval.unchanged')}</Typography>;
  return (
    <Table size="small" aria-label={translate('omni.approval.changes')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('omni.approval.field')}</TableCell>
          <TableCell>{translate('omni.approval.at_request')}</TableCell>
          <TableCell>{translate('omni.approval.now')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {diff.map((change) => (
          <TableRow key={change.field}>
            <TableCell component="th">{change.field}</TableCell>
            <TableCell>{shown(change.before)}</TableCell>
            <TableCell>{shown(change.after)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
