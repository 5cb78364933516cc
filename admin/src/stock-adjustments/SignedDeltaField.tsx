import { Typography } from '@mui/material';
import { type FieldProps, useFieldValue } from 'react-admin';

/** "+12" / "-3": the sign is the point of an adjustment, so it is always shown. */
export function SignedDeltaField(props: FieldProps) {
  const delta = useFieldValue(props) as unknown;
  if (typeof delta !== 'number') return null;
  return (
    <Typography component="span" variant="body2" color={delta < 0 ? 'error' : 'success'}>
      {delta > 0 ? `+${delta}` : String(delta)}
    </Typography>
  );
}
