import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { useActorName } from '../shared/usePeople';

/** Who asked for the adjustment, by name (store staff may not read the users resource itself). */
export function RequesterField(_props: { source?: string; label?: string }) {
  const adjustment = useRecordContext<{ requestedByUserId: string }>();
  const actorName = useActorName();
  if (adjustment === undefined) return null;
  return (
    <Typography component="span" variant="body2">
      {actorName(adjustment.requestedByUserId)}
    </Typography>
  );
}
