import { Typography } from '@mui/material';
import { type RaRecord, useFieldValue, useRecordContext } from 'react-admin';
import { useDateTimeFormat } from './useDateTimeFormat';
import { useStoreTimeZone } from './useStoreTimeZone';

/** Record fields that name the store a record belongs to, in the shapes our resources use. */
interface StoreKeys extends RaRecord {
  storeId?: string | null;
  storeCode?: string | null;
  pickupStoreCode?: string | null;
}

/**
 * A date (and time) of the record in its store's time zone and the configured locale; DateField would
 * use the browser's zone and locale (a US date format on a default Chromium).
 */
export function StoreDateField({
  source,
  showTime = false,
  emptyText = '—',
}: {
  source: string;
  showTime?: boolean;
  emptyText?: string;
  label?: string;
  sortable?: boolean;
}) {
  const record = useRecordContext<StoreKeys>();
  const value = useFieldValue({ source }) as string | null | undefined;
  const timeZone = useStoreTimeZone({ id: record?.storeId, code: record?.storeCode ?? record?.pickupStoreCode });
  const format = useDateTimeFormat(timeZone, { dateOnly: !showTime });
  return (
    <Typography component="span" variant="body2" className="store-date">
      {value === null || value === undefined || value === '' ? emptyText : format(value)}
    </Typography>
  );
}
