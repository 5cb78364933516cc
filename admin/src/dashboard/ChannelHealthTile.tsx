import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ChannelStatusChip } from '../channels/ChannelStatusChip';
import { type DashboardScope } from './dashboard-period';
import { useLocaleFormat } from '../shared/useLocaleFormat';
import { MetricTile } from './MetricTile';
import { useMetrics } from './useMetrics';

/** Every channel now: status, last healthy probe, open outages (admins). */
export function ChannelHealthTile({ scope }: { scope: DashboardScope }) {
  const translate = useTranslate();
  const format = useLocaleFormat();
  const { data, isPending, error } = useMetrics('channel-health', scope);
  return (
    <MetricTile
      id="channel-health"
      title={translate('omni.dashboard.health.title')}
      loading={isPending}
      error={error}
      links={[{ to: '/channels', label: translate('omni.dashboard.open_channels') }]}
    >
      {data !== undefined && (
        // A phone scrolls the table sideways instead of widening the page.
        <TableContainer>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('omni.dashboard.health.channel')}</TableCell>
                <TableCell>{translate('omni.dashboard.health.status')}</TableCell>
                <TableCell>{translate('omni.dashboard.health.last_healthy')}</TableCell>
                <TableCell align="right">{translate('omni.dashboard.health.open_outages')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.channels.map((channel) => (
                <TableRow key={channel.channelId}>
                  <TableCell>{channel.channelName}</TableCell>
                  <TableCell>
                    <ChannelStatusChip record={channel} source="status" />
                  </TableCell>
                  <TableCell>
                    {channel.lastHealthyAt === null ? translate('omni.dashboard.health.never') : format.dateTime(channel.lastHealthyAt)}
                  </TableCell>
                  <TableCell align="right">{channel.openOutages}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </MetricTile>
  );
}
