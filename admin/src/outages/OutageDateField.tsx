import { Typography } from '@mui/material';
import { useFieldValue, useRecordContext } from 'react-admin';
import { useDateTimeFormat } from '../shared/useDateTimeFormat';
import { type OutageRecord } from './outage-record';
import { useOutageSubject } from './useOutageSubject';

/** A time of the outage in its store's zone (a channel outage: the viewer's own store, else the browser's). */
export function OutageDateField({ source }: { source: 'detectedAt' | 'resolvedAt'; label?: string; sortable?: boolean }) {
  const outage = useRecordContext<OutageRecord>();
  const value = useFieldValue({ source }) as string | null | undefined;
  const { store } = useOutageSubject(outage);
  const time = useDateTimeFormat(store?.timeZone);
  return (
    <Typography component="span" variant="body2" className="store-date">
      {time(value)}
    </Typography>
  );
}
