import { Typography } from '@mui/material';
import { type FieldProps, useFieldValue, useLocaleState, useRecordContext } from 'react-admin';

/** Amounts are stored as integer minor units next to an ISO currency code (`currency` on the record). */
const minorUnitsPerMajor = 100;

export function MoneyField(props: FieldProps) {
  const record = useRecordContext<{ currency?: string }>(props);
  const amountMinor = useFieldValue(props) as unknown;
  const [locale] = useLocaleState();
  if (typeof amountMinor !== 'number' || record?.currency === undefined) return null;
  const formatted = new Intl.NumberFormat(locale, { style: 'currency', currency: record.currency }).format(
    amountMinor / minorUnitsPerMajor,
  );
  return (
    <Typography component="span" variant="body2">
      {formatted}
    </Typography>
  );
}
