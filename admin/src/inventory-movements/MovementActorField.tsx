import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { useActorName } from '../shared/usePeople';

/** Who moved the stock: a person by name, a workflow as "the system". */
export function MovementActorField(_props: { source?: string; label?: string }) {
  const movement = useRecordContext<{ actorUserId: string | null; actorLabel: string }>();
  const actorName = useActorName();
  if (movement === undefined) return null;
  return (
    <Typography component="span" variant="body2">
      {actorName(movement.actorUserId ?? movement.actorLabel)}
    </Typography>
  );
}
