import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { type OutageRecord } from './outage-record';
import { useOutageSubject } from './useOutageSubject';

/** The channel or store that is down, by name. */
export function OutageSubjectField(_props: { label?: string; source?: string }) {
  const outage = useRecordContext<OutageRecord>();
  const { name } = useOutageSubject(outage);
  if (outage === undefined) return null;
  return (
    <Typography component="span" variant="body2" className="outage-subject" sx={{ overflowWrap: 'anywhere' }}>
      {name}
    </Typography>
  );
}
