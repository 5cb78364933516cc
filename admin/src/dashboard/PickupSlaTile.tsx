import { Stack } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useTranslate } from 'react-admin';
import { type DashboardScope } from './dashboard-period';
import { FigureWithTrend } from './FigureWithTrend';
import { useLocaleFormat } from '../shared/useLocaleFormat';
import { MetricTile } from './MetricTile';
import { useMetrics } from './useMetrics';

/** Pickup SLA: PICK tasks done within SLA, order to ready p50/p90, pickups expired uncollected, per store. */
export function PickupSlaTile({ scope }: { scope: DashboardScope }) {
  const translate = useTranslate();
  const format = useLocaleFormat();
  const { data, isPending, error } = useMetrics('pickup-sla', scope);
  const total = data?.total;
  return (
    <MetricTile
      id="pickup-sla"
      title={translate('omni.dashboard.pickup.title')}
      loading={isPending}
      error={error}
      links={[{ to: '/tasks', label: translate('omni.dashboard.open_task_inbox') }]}
    >
      {data !== undefined && total !== undefined && (
        <>
          <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
            <FigureWithTrend
              label={translate('omni.dashboard.pickup.within_sla')}
              value={format.share(total.current.withinSlaRate)}
              current={total.current.withinSlaRate}
              previous={total.previous.withinSlaRate}
              higherIsBetter
            />
            <FigureWithTrend
              label={translate('omni.dashboard.pickup.ready_p50')}
              value={format.duration(total.current.orderToReadySecondsP50)}
              current={total.current.orderToReadySecondsP50}
              previous={total.previous.orderToReadySecondsP50}
              higherIsBetter={false}
            />
            <FigureWithTrend
              label={translate('omni.dashboard.pickup.ready_p90')}
              value={format.duration(total.current.orderToReadySecondsP90)}
              current={total.current.orderToReadySecondsP90}
              previous={total.previous.orderToReadySecondsP90}
              higherIsBetter={false}
            />
            <FigureWithTrend
              label={translate('omni.dashboard.pickup.expired')}
              value={format.count(total.current.expiredUncollected)}
              current={total.current.expiredUncollected}
              previous={total.previous.expiredUncollected}
              higherIsBetter={false}
            />
          </Stack>
          <BarChart
            height={220}
            xAxis={[{ scaleType: 'band', data: data.byStore.map((row) => row.storeCode) }]}
            yAxis={[{ min: 0, max: 100 }]}
            series={[
              {
                data: data.byStore.map((row) => percentOrNull(row.figures.current.withinSlaRate)),
                label: translate('omni.dashboard.pickup.within_sla_percent'),
              },
              {
                data: data.byStore.map((row) => percentOrNull(row.figures.previous.withinSlaRate)),
                label: translate('omni.dashboard.previous_period'),
              },
            ]}
          />
        </>
      )}
    </MetricTile>
  );
}

function percentOrNull(share: number | null): number | null {
  return share === null ? null : Math.round(share * 1000) / 10;
}
