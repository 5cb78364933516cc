import { ScheduleAlreadyRunning, type Client, type ScheduleOptionsStartWorkflowAction, type ScheduleSpec } from '@temporalio/client';
import { type StockSyncSettings } from '../domain/channels/stock-sync-settings';
import { type syncStock } from '../workflows';
import { type WorkerConfig } from './config';

/** Also the workflow id prefix of its runs: the server appends the scheduled time, e.g. stock-sync-2025-11-25T10:05:00Z. */
export const STOCK_SYNC_SCHEDULE_ID = 'stock-sync';
/** Marks a pause made by STOCK_SYNC_ENABLED=false, so re-enabling lifts it but never an operator's own pause. */
const PAUSED_BY_CONFIG_NOTE = 'paused by the worker: STOCK_SYNC_ENABLED=false';

export type StockSyncScheduleConfig = Pick<
  WorkerConfig,
  | 'TEMPORAL_TASK_QUEUE'
  | 'STOCK_SYNC_ENABLED'
  | 'STOCK_SYNC_INTERVAL_SECONDS'
  | 'STOCK_SYNC_PAGE_SIZE'
  | 'STOCK_SYNC_DRIFT_TOLERANCE_UNITS'
  | 'STOCK_SYNC_READBACK_DELAY_MS'
  | 'STOCK_SYNC_PAGES_PER_RUN'
  | 'STOCK_SYNC_CHANNEL_MAX_ATTEMPTS'
  | 'STOCK_SYNC_CHANNEL_RETRY_INITIAL_MS'
  | 'STOCK_SYNC_CHANNEL_CALL_TIMEOUT_MS'
  | 'STOCK_SYNC_CHANNEL_TIMEOUT_MS'
>;

export function stockSyncSettingsFromConfig(config: StockSyncScheduleConfig): StockSyncSettings {
  return {
    pageSize: config.STOCK_SYNC_PAGE_SIZE,
    driftToleranceUnits: config.STOCK_SYNC_DRIFT_TOLERANCE_UNITS,
    readBackDelayMs: config.STOCK_SYNC_READBACK_DELAY_MS,
    pagesPerRun: config.STOCK_SYNC_PAGES_PER_RUN,
    channelCallMaxAttempts: config.STOCK_SYNC_CHANNEL_MAX_ATTEMPTS,
    channelCallRetryInitialIntervalMs: config.STOCK_SYNC_CHANNEL_RETRY_INITIAL_MS,
    channelCallTimeoutMs: config.STOCK_SYNC_CHANNEL_CALL_TIMEOUT_MS,
    channelSyncTimeoutMs: config.STOCK_SYNC_CHANNEL_TIMEOUT_MS,
  };
}

export interface EnsuredSchedule {
  scheduleId: string;
  created: boolean;
  paused: boolean;
}

/**
 * Creates the stock-sync schedule, or brings an existing one in line with this worker's config (interval,
 * settings, task queue), so every worker start converges on the same schedule and a changed variable
 * applies from the next run. Overlap SKIP: a run still going when the next one is due means that
 * tick is dropped, never two syncs of one channel at once. The catch-up window is one interval, so a
 * server outage is followed by at most one late run, not a burst of them.
 */
export async function ensureStockSyncSchedule(
  client: Client,
  config: StockSyncScheduleConfig,
  scheduleId = STOCK_SYNC_SCHEDULE_ID,
): Promise<EnsuredSchedule> {
  const spec: ScheduleSpec = { intervals: [{ every: config.STOCK_SYNC_INTERVAL_SECONDS * 1000 }] };
  const action: ScheduleOptionsStartWorkflowAction<typeof syncStock> = {
    type: 'startWorkflow',
    workflowType: 'syncStock',
    workflowId: scheduleId,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    args: [{ settings: stockSyncSettingsFromConfig(config) }],
  };
  const policies = { overlap: 'SKIP' as const, catchupWindow: config.STOCK_SYNC_INTERVAL_SECONDS * 1000 };
  const disabled = !config.STOCK_SYNC_ENABLED;

  try {
    await client.schedule.create({
      scheduleId,
      spec,
      action,
      policies,
      state: disabled ? { paused: true, note: PAUSED_BY_CONFIG_NOTE } : {},
    });
    return { scheduleId, created: true, paused: disabled };
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }

  let paused = disabled;
  await client.schedule.getHandle(scheduleId).update((previous) => {
    const pausedByOperator = previous.state.paused && previous.state.note !== PAUSED_BY_CONFIG_NOTE;
    paused = disabled || pausedByOperator;
    const note = disabled ? PAUSED_BY_CONFIG_NOTE : pausedByOperator ? previous.state.note : undefined;
    return { ...previous, spec, action, policies, state: { paused, note } };
  });
  return { scheduleId, created: false, paused };
}
