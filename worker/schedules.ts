import { type Client, type ScheduleOptionsStartWorkflowAction } from '@temporalio/client';
import { type StockSyncSettings } from '../domain/channels/stock-sync-settings';
import { type syncStock } from '../workflows';
import { type WorkerConfig } from './config';
import { type EnsuredSchedule, ensureIntervalSchedule } from './interval-schedule';

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

/** The stock-sync schedule (worker/interval-schedule.ts): one sync every STOCK_SYNC_INTERVAL_SECONDS, never two at once. */
export function ensureStockSyncSchedule(
  client: Client,
  config: StockSyncScheduleConfig,
  scheduleId = STOCK_SYNC_SCHEDULE_ID,
): Promise<EnsuredSchedule> {
  const action: ScheduleOptionsStartWorkflowAction<typeof syncStock> = {
    type: 'startWorkflow',
    workflowType: 'syncStock',
    workflowId: scheduleId,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    args: [{ settings: stockSyncSettingsFromConfig(config) }],
  };
  return ensureIntervalSchedule(client, {
    scheduleId,
    everyMs: config.STOCK_SYNC_INTERVAL_SECONDS * 1000,
    action,
    disabled: !config.STOCK_SYNC_ENABLED,
    pausedByConfigNote: PAUSED_BY_CONFIG_NOTE,
  });
}
