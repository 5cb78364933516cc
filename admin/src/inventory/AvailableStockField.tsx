import { Chip } from '@mui/material';
import { type FieldProps, useFieldValue, useTranslate } from 'react-admin';
import { adminConfig } from '../config';
import { stockLevelColour, stockLevelOf } from './stock-level';

/** What can still be sold, coloured so empty and low shelves stand out in a long list. */
export function AvailableStockField(props: FieldProps) {
  const available = useFieldValue({ ...props, source: props.source ?? 'available' }) as unknown;
  const translate = useTranslate();
  if (typeof available !== 'number') return null;
  const level = stockLevelOf(available, adminConfig.lowStockThreshold);
  return (
    <Chip
      size="small"
      variant={level === 'ok' ? 'outlined' : 'filled'}
      color={stockLevelColour[level]}
      label={available}
      title={translate(`omni.stock.${level}`)}
      data-stock-level={level}
    />
  );
}
