import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import { type OmnichannelDataProvider } from '../data/data-provider';
import { type DashboardScope, metricsQueryOf } from './dashboard-period';
import { type MetricsByTile, type MetricsTile } from './metrics-types';

/** One tile's figures through the data provider's `metrics` method, cached per tile and scope. */
export function useMetrics<T extends MetricsTile>(tile: T, scope: DashboardScope) {
  const dataProvider = useDataProvider<OmnichannelDataProvider>();
  const query = metricsQueryOf(scope).toString();
  return useQuery({
    queryKey: ['metrics', tile, query],
    queryFn: () => dataProvider.metrics<MetricsByTile[T]>(tile, query),
  });
}
