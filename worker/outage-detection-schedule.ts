import { type Client, type ScheduleOptionsStartWorkflowAction } from '@temporalio/client';
import {
  DETECT_OUTAGES_WORKFLOW_TYPE,
  OUTAGE_DETECTION_SCHEDULE_ID,
  type DetectOutagesInput,
} from '../domain/outages/outage-detection-workflow';
import { type detectOutages } from '../workflows';
import { type WorkerConfig } from './config';
import { type EnsuredSchedule, ensureIntervalSchedule } from './interval-schedule';

const PAUSED_BY_CONFIG_NOTE = 'paused by the worker: OUTAGE_DETECTION_ENABLED=false';

export type OutageDetectionScheduleConfig = Pick<
  WorkerConfig,
  | 'TEMPORAL_TASK_QUEUE'
  | 'OUTAGE_DETECTION_ENABLED'
  | 'OUTAGE_DETECTION_INTERVAL_SECONDS'
  | 'OUTAGE_PUSH_WINDOW_MS'
  | 'OUTAGE_HEALTH_CHECK_INTERVAL_MS'
  | 'OUTAGE_DETECTION_FAILURES'
  | 'OUTAGE_RECOVERY_PROBES'
  | 'OUTAGE_PUSH_FAILURE_RATE'
  | 'OUTAGE_STORE_HOLD_PERCENT'
  | 'RECONCILIATION_TOLERANCE_UNITS'
  | 'RECONCILIATION_TOLERANCE_VALUE_MINOR'
  | 'RECONCILIATION_FOUR_EYES_ABOVE_MINOR'
  | 'OUTAGE_PUBLISH_READBACK_DELAY_MS'
  | 'OUTAGE_PRICE_TOLERANCE_MINOR'
  | 'OUTAGE_PRICE_PAGE_SIZE'
  | 'OUTAGE_LATE_ORDERS_MARGIN_MS'
  | 'INTAKE_PHONE_REGION'
>;

/** One tick's input: the detection rule and the settings of the outage runs it starts, from this worker's config. */
export function outageDetectionInputFromConfig(config: OutageDetectionScheduleConfig): DetectOutagesInput {
  return {
    pushWindowMs: config.OUTAGE_PUSH_WINDOW_MS,
    settings: {
      healthCheckIntervalMs: config.OUTAGE_HEALTH_CHECK_INTERVAL_MS,
      detection: {
        consecutiveFailures: config.OUTAGE_DETECTION_FAILURES,
        failureRate: config.OUTAGE_PUSH_FAILURE_RATE,
        healthyChecksToRecover: config.OUTAGE_RECOVERY_PROBES,
      },
      storeHoldPercent: config.OUTAGE_STORE_HOLD_PERCENT,
      tolerance: { units: config.RECONCILIATION_TOLERANCE_UNITS, valueMinor: config.RECONCILIATION_TOLERANCE_VALUE_MINOR },
      fourEyesAboveMinor: config.RECONCILIATION_FOUR_EYES_ABOVE_MINOR,
      publishReadBackDelayMs: config.OUTAGE_PUBLISH_READBACK_DELAY_MS,
      priceToleranceMinor: config.OUTAGE_PRICE_TOLERANCE_MINOR,
      pricePageSize: config.OUTAGE_PRICE_PAGE_SIZE,
      lateOrdersMarginMs: config.OUTAGE_LATE_ORDERS_MARGIN_MS,
      lateOrdersPhoneRegion: config.INTAKE_PHONE_REGION,
    },
  };
}

/**
 * The outage-detection schedule (worker/interval-schedule.ts, like stock sync's): one tick every
 * OUTAGE_DETECTION_INTERVAL_SECONDS, one at a time, paused by OUTAGE_DETECTION_ENABLED=false.
 */
export function ensureOutageDetectionSchedule(
  client: Client,
  config: OutageDetectionScheduleConfig,
  scheduleId = OUTAGE_DETECTION_SCHEDULE_ID,
): Promise<EnsuredSchedule> {
  const action: ScheduleOptionsStartWorkflowAction<typeof detectOutages> = {
    type: 'startWorkflow',
    workflowType: DETECT_OUTAGES_WORKFLOW_TYPE,
    workflowId: scheduleId,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    args: [outageDetectionInputFromConfig(config)],
  };
  return ensureIntervalSchedule(client, {
    scheduleId,
    everyMs: config.OUTAGE_DETECTION_INTERVAL_SECONDS * 1000,
    action,
    disabled: !config.OUTAGE_DETECTION_ENABLED,
    pausedByConfigNote: PAUSED_BY_CONFIG_NOTE,
  });
}
