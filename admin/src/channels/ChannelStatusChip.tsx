import { Chip, type ChipProps } from '@mui/material';
import { type FieldProps, useFieldValue, useTranslate } from 'react-admin';

/** Colours follow what an operator should do: nothing, watch, act, or note that it is switched off. */
const colourByStatus: Record<string, ChipProps['color']> = {
  ACTIVE: 'success',
  DEGRADED: 'warning',
  OUTAGE: 'error',
  DISABLED: 'default',
};

export function ChannelStatusChip(props: FieldProps) {
  const status = useFieldValue({ ...props, source: props.source ?? 'status' }) as unknown;
  const translate = useTranslate();
  if (typeof status !== 'string') return null;
  return (
    <Chip size="small" color={colourByStatus[status] ?? 'default'} label={translate(`omni.channel_status.${status}`, { _: status })} />
  );
}
