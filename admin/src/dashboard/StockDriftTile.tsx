import { Stack, Typography } from '@mui/material';
import { LineChart } from '@mui/x-charts/LineChart';
import { useTranslate } from 'react-admin';
import { type DashboardScope } from './dashboard-period';
import { FigureWithTrend } from './FigureWithTrend';
import { useLocaleFormat } from '../shared/useLocaleFormat';
import { MetricTile } from './MetricTile';
import { useMetrics } from './useMetrics';

/** Stock drift: units and value where a channel's read-back or a stock count differs from our system. */
export function StockDriftTile({ scope }: { scope: DashboardScope }) {
  const translate = useTranslate();
  const format = useLocaleFormat();
  const { data, isPending, error } = useMetrics('stock-drift', scope);
  const raised = data?.raised;
  const listingUnits = data?.listingsDriftingNow.reduce((sum, row) => sum + row.units, 0) ?? 0;
  return (
    <MetricTile
      id="stock-drift"
      title={translate('omni.dashboard.drift.title')}
      loading={isPending}
      error={error}
      links={[{ to: '/inventory', label: translate('omni.dashboard.open_inventory') }]}
    >
      {data !== undefined && raised !== undefined && (
        <>
          <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap', mb: 1 }}>
            <FigureWithTrend
              label={translate('omni.dashboard.drift.units')}
              value={format.count(raised.total.current.units)}
              current={raised.total.current.units}
              previous={raised.total.previous.units}
              higherIsBetter={false}
            />
            <FigureWithTrend
              label={translate('omni.dashboard.drift.value')}
              value={raised.total.current.value.map((money) => format.money(money.minor, money.currency)).join(' + ') || format.count(0)}
              current={raised.total.current.value[0]?.minor ?? 0}
              previous={raised.total.previous.value[0]?.minor ?? 0}
              higherIsBetter={false}
            />
          </Stack>
          <Typography variant="body2" color="text.secondary" data-testid="listings-drifting">
            {translate('omni.dashboard.drift.listings_now', {
              smart_count: data.listingsDriftingNow.reduce((sum, row) => sum + row.listings, 0),
              units: format.count(listingUnits),
            })}
          </Typography>
          <LineChart
            height={200}
            xAxis={[{ scaleType: 'point', data: raised.daily.map((row) => row.day) }]}
            series={[{ data: raised.daily.map((row) => row.units), label: translate('omni.dashboard.drift.units_per_day') }]}
          />
        </>
      )}
    </MetricTile>
  );
}
