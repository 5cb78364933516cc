import { Stack, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useTranslate } from 'react-admin';
import { type DashboardScope } from './dashboard-period';
import { FigureWithTrend } from './FigureWithTrend';
import { useLocaleFormat } from '../shared/useLocaleFormat';
import { MetricTile } from './MetricTile';
import { useMetrics } from './useMetrics';

/** Orders, cancellation rate and return rate per source channel (marketplace, web, chat, store). */
export function OrdersTile({ scope }: { scope: DashboardScope }) {
  const translate = useTranslate();
  const format = useLocaleFormat();
  const { data, isPending, error } = useMetrics('orders', scope);
  const channels = data?.byChannel.filter((row) => row.figures.current.orders > 0 || row.figures.previous.orders > 0) ?? [];
  return (
    <MetricTile
      id="orders"
      title={translate('omni.dashboard.orders.title')}
      loading={isPending}
      error={error}
      links={[{ to: '/orders', label: translate('omni.dashboard.open_orders_list') }]}
    >
      {data !== undefined && (
        <>
          <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
            <FigureWithTrend
              label={translate('omni.dashboard.orders.orders')}
              value={format.count(data.total.current.orders)}
              current={data.total.current.orders}
              previous={data.total.previous.orders}
              higherIsBetter
            />
            <FigureWithTrend
              label={translate('omni.dashboard.orders.cancellation_rate')}
              value={format.share(data.total.current.cancellationRate)}
              current={data.total.current.cancellationRate}
              previous={data.total.previous.cancellationRate}
              higherIsBetter={false}
            />
            <FigureWithTrend
              label={translate('omni.dashboard.orders.return_rate')}
              value={format.share(data.total.current.returnRate)}
              current={data.total.current.returnRate}
              previous={data.total.previous.returnRate}
              higherIsBetter={false}
            />
          </Stack>
          {channels.length > 0 && (
            <Typography variant="body2" data-testid="return-rate-by-channel" sx={{ mb: 1 }}>
              {translate('omni.dashboard.orders.return_rate_by_channel')}:{' '}
              {channels.map((row) => `${row.channelName} ${format.share(row.figures.current.returnRate)}`).join(' · ')}
            </Typography>
          )}
          <BarChart
            height={240}
            xAxis={[{ scaleType: 'band', data: channels.map((row) => row.channelName) }]}
            series={[
              { data: channels.map((row) => row.figures.current.orders), label: translate('omni.dashboard.this_period') },
              { data: channels.map((row) => row.figures.current.cancelled), label: translate('omni.dashboard.orders.cancelled') },
              { data: channels.map((row) => row.figures.current.returned), label: translate('omni.dashboard.orders.returned') },
              { data: channels.map((row) => row.figures.previous.orders), label: translate('omni.dashboard.previous_period') },
            ]}
          />
        </>
      )}
    </MetricTile>
  );
}
