import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { type ReturnRecord } from './return-record';

/** "2 × Chino black, 1 × Belt" in one line, cut with an ellipsis when long (the full text on hover). */
export function ReturnItemsField(_props: { source?: string; label?: string }) {
  const record = useRecordContext<ReturnRecord>();
  if (record === undefined) return null;
  const items = record.lines.map((line) => `${line.quantity} × ${line.productName}`).join(', ');
  return (
    <Typography component="span" variant="body2" title={items} sx={truncated}>
      {items}
    </Typography>
  );
}

/** A long cell ends in an ellipsis instead of widening the table (issue 13). */
export const truncated = { display: 'block', maxWidth: 280, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;
