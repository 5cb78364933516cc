import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, useDataProvider, useTranslate } from 'react-admin';
import { type DashboardScope, metricsQueryOf } from '../dashboard/dashboard-period';
import { MetricTile } from '../dashboard/MetricTile';
import { type OmnichannelDataProvider } from '../data/data-provider';
import { useLocaleFormat } from '../shared/useLocaleFormat';

interface Figures {
  pairs: number;
  checked: number;
  consistent: number;
  differing: number;
  unchecked: number;
  consistentShare: number | null;
  checkedInPeriod: number;
}

interface PriceConsistencyMetrics {
  measuredAt: string;
  total: Figures;
  byChannel: { channelId: string; channelName: string; figures: Figures }[];
  differing: {
    productId: string;
    sku: string;
    channelCode: string;
    currency: string;
    expectedPriceMinor: number;
    shownPriceMinor: number | null;
  }[];
}

/** Issue #14: the share of SKU x channel at the expected price by read-back, now, per channel, with the SKUs that differ. */
export function PriceConsistencyTile({ scope }: { scope: DashboardScope }) {
  const translate = useTranslate();
  const format = useLocaleFormat();
  const dataProvider = useDataProvider<OmnichannelDataProvider>();
  const query = metricsQueryOf(scope).toString();
  const { data, isPending, error } = useQuery({
    queryKey: ['metrics', 'price-consistency', query],
    queryFn: () => dataProvider.metrics<PriceConsistencyMetrics>('price-consistency', query),
  });
  return (
    <MetricTile
      id="price-consistency"
      title={translate('omni.price_consistency.tile_title')}
      loading={isPending}
      error={error}
      links={[{ to: '/price-consistency', label: translate('omni.price_consistency.open_list') }]}
    >
      {data !== undefined && (
        <>
          <Typography variant="h4" component="p" data-testid="price-consistency-share">
            {format.share(data.total.consistentShare)}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('omni.price_consistency.tile_figures', {
              consistent: format.count(data.total.consistent),
              checked: format.count(data.total.checked),
              unchecked: format.count(data.total.unchecked),
            })}
          </Typography>
          <TableContainer>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('omni.price_consistency.channel')}</TableCell>
                  <TableCell align="right">{translate('omni.price_consistency.share')}</TableCell>
                  <TableCell align="right">{translate('omni.price_consistency.differing')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {data.byChannel.map((row) => (
                  <TableRow key={row.channelId}>
                    <TableCell>{row.channelName}</TableCell>
                    <TableCell align="right">{format.share(row.figures.consistentShare)}</TableCell>
                    <TableCell align="right">{format.count(row.figures.differing)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          {data.differing.length > 0 && (
            <Typography variant="body2" component="div" sx={{ mt: 1, wordBreak: 'break-word' }}>
              {translate('omni.price_consistency.differing_now')}{' '}
              {data.differing.slice(0, 5).map((row, index) => (
                <span key={`${row.productId}-${row.channelCode}`}>
                  {index > 0 && ', '}
                  <Link to={`/price-consistency/${row.productId}/show`}>
                    {row.sku} @ {row.channelCode}
                  </Link>
                </span>
              ))}
            </Typography>
          )}
        </>
      )}
    </MetricTile>
  );
}
