import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import { trendOf } from './dashboard-period';

/**
 * The change against the previous period. Green when it moved the good way (`higherIsBetter`), red when
 * not; grey "no data before" when there is nothing to compare with.
 */
export function TrendChip({
  current,
  previous,
  higherIsBetter,
}: {
  current: number | null;
  previous: number | null;
  higherIsBetter: boolean;
}) {
  const translate = useTranslate();
  const trend = trendOf(current, previous);
  if (trend === null) return <Chip size="small" variant="outlined" label={translate('omni.dashboard.no_previous')} />;
  const sign = trend > 0 ? '+' : '';
  const good = trend === 0 ? undefined : trend > 0 === higherIsBetter;
  return (
    <Chip
      size="small"
      color={good === undefined ? 'default' : good ? 'success' : 'error'}
      label={translate('omni.dashboard.vs_previous', { change: `${sign}${Math.round(trend * 100)}%` })}
      data-testid="trend"
    />
  );
}
