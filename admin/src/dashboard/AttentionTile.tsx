import { Stack } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useTranslate } from 'react-admin';
import { type DashboardScope } from './dashboard-period';
import { FigureWithTrend } from './FigureWithTrend';
import { useLocaleFormat } from '../shared/useLocaleFormat';
import { MetricTile } from './MetricTile';
import { useMetrics } from './useMetrics';

/** What needs a person: open tasks per queue and past SLA, workflow starts that failed or keep failing. */
export function AttentionTile({ scope }: { scope: DashboardScope }) {
  const translate = useTranslate();
  const format = useLocaleFormat();
  const { data, isPending, error } = useMetrics('attention', scope);
  const pastSla = data?.openTasksByQueue.reduce((sum, row) => sum + row.pastSla, 0) ?? 0;
  return (
    <MetricTile
      id="attention"
      title={translate('omni.dashboard.attention.title')}
      loading={isPending}
      error={error}
      links={[
        { to: '/tasks', label: translate('omni.dashboard.open_task_inbox') },
        { to: '/workflows', label: translate('omni.dashboard.open_workflows') },
      ]}
    >
      {data !== undefined && (
        <>
          <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
            <FigureWithTrend
              label={translate('omni.dashboard.attention.late_tasks')}
              value={format.count(data.tasksPastSlaCreated.current)}
              current={data.tasksPastSlaCreated.current}
              previous={data.tasksPastSlaCreated.previous}
              higherIsBetter={false}
            />
            <FigureWithTrend
              label={translate('omni.dashboard.attention.failed_starts')}
              value={format.count(data.workflowStarts.failed)}
              current={data.workflowStarts.failedCreated.current}
              previous={data.workflowStarts.failedCreated.previous}
              higherIsBetter={false}
            />
            <FigureWithTrend
              label={translate('omni.dashboard.attention.past_sla_now')}
              value={format.count(pastSla)}
              current={null}
              previous={null}
              higherIsBetter={false}
            />
          </Stack>
          <BarChart
            height={200}
            xAxis={[
              {
                scaleType: 'band',
                data: data.openTasksByQueue.map((row) => translate(`omni.task_queue.${row.queue}`, { _: row.queue })),
              },
            ]}
            series={[
              { data: data.openTasksByQueue.map((row) => row.open), label: translate('omni.dashboard.attention.open') },
              { data: data.openTasksByQueue.map((row) => row.pastSla), label: translate('omni.dashboard.attention.past_sla') },
            ]}
          />
        </>
      )}
    </MetricTile>
  );
}
