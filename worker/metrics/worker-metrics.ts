import { collectDefaultMetrics, Counter, Registry } from 'prom-client';

/**
 * The worker's own Prometheus metrics (docs/operations.md says what to watch). One registry per worker;
 * tests build many workers in one process, so process metrics are only collected by the real one.
 * Temporal's SDK metrics (temporal_*) are served next to these by worker/metrics/metrics-server.ts.
 */
export interface WorkerMetrics {
  registry: Registry;
  /** Runs whose first workflow task this worker executed (not replays), by workflow type. */
  workflowRunsStarted: Counter<'workflow_type'>;
  /** Runs this worker saw end, by workflow type and outcome: completed, failed, cancelled, continued_as_new. */
  workflowRunsClosed: Counter<'workflow_type' | 'outcome'>;
  /** Every HTTP attempt to a channel, by channel, method and status (or network_error). */
  channelRequests: Counter<'channel' | 'method' | 'status'>;
  /** Rate-limit tokens spent on answered channel requests (rows, for per-item channels): the push volume. */
  channelRequestCost: Counter<'channel'>;
  /** 429 answers, by channel: the channel's limit is lower than our profile says, or another client shares it. */
  channelRateLimited: Counter<'channel'>;
}

export function createWorkerMetrics({ processMetrics }: { processMetrics: boolean }): WorkerMetrics {
  const registry = new Registry();
  if (processMetrics) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    workflowRunsStarted: new Counter({
      name: 'omnichannel_workflow_runs_started_total',
      help: 'Workflow runs whose first workflow task ran on this worker, by workflow type',
      labelNames: ['workflow_type'],
      registers,
    }),
    workflowRunsClosed: new Counter({
      name: 'omnichannel_workflow_runs_closed_total',
      help: 'Workflow runs that ended on this worker, by workflow type and outcome (completed, failed, cancelled, continued_as_new)',
      labelNames: ['workflow_type', 'outcome'],
      registers,
    }),
    channelRequests: new Counter({
      name: 'omnichannel_channel_requests_total',
      help: 'HTTP attempts to a sales channel, by channel, method and status code (network_error when none came)',
      labelNames: ['channel', 'method', 'status'],
      registers,
    }),
    channelRequestCost: new Counter({
      name: 'omnichannel_channel_request_cost_total',
      help: 'Rate-limit tokens spent on channel requests that got an answer (rows for per-item channels), by channel',
      labelNames: ['channel'],
      registers,
    }),
    channelRateLimited: new Counter({
      name: 'omnichannel_channel_rate_limited_total',
      help: 'Channel answers 429 Too Many Requests, by channel',
      labelNames: ['channel'],
      registers,
    }),
  };
}
