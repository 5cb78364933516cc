import { type ChannelHttpHooks } from '../../channels/http/channel-http-client';
import { type WorkerMetrics } from './worker-metrics';

/** Counts every channel HTTP attempt, its cost when answered, and each 429, into the worker's metrics. */
export function channelMetricsHooks(metrics: WorkerMetrics): Pick<ChannelHttpHooks, 'onAnswer'> {
  return {
    onAnswer({ channelCode, method, status, cost }) {
      metrics.channelRequests.inc({ channel: channelCode, method, status: String(status) });
      if (status !== 'network_error') metrics.channelRequestCost.inc({ channel: channelCode }, cost);
      if (status === 429) metrics.channelRateLimited.inc({ channel: channelCode });
    },
  };
}
