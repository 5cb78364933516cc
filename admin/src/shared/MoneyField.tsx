import { Typography } from '@mui/material';
import { type FieldProps, useFieldValue, useRecordContext } from 'react-admin';
import { useLocaleFormat } from './useLocaleFormat';

/** Amounts are stored as integer ISO 4217 minor units next to a currency code (`currency` on the record). */
export function MoneyField(props: FieldProps) {
  const record = useRecordContext<{ currency?: string }>(props);
  const amountMinor = useFieldValue(props) as unknown;
  const format = useLocaleFormat();
  if (typeof amountMinor !== 'number' || record?.currency === undefined) return null;
  return (
    <Typography component="span" variant="body2" className="money">
      {format.money(amountMinor, record.currency)}
    </Typography>
  );
}
