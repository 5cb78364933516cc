import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { useActorName } from '../shared/usePeople';

/** Who did it, by name ("Daan Bakker", "the system"), as recorded otherwise. */
export function AuditActorField(_props: { source?: string; label?: string }) {
  const event = useRecordContext<{ actorLabel: string; actorUserId: string | null }>();
  const actorName = useActorName();
  if (event === undefined) return null;
  return (
    <Typography component="span" variant="body2">
      {actorName(event.actorUserId ?? event.actorLabel)}
    </Typography>
  );
}
