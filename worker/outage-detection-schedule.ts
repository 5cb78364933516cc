import { ScheduleAlreadyRunning, type Client, type ScheduleOptionsStartWorkflowAction } from '@temporalio/client';
import {
  DETECT_OUTAGES_WORKFLOW_TYPE,
  OUTAGE_DETECTION_SCHEDULE_ID,
  type DetectOutagesInput,
} from '../domain/outages/outage-detection-workflow';
import { type detectOutages } from '../workflows';
import { type WorkerConfig } from './config';

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
    },
  };
}

/**
 * Creates the outage-detection schedule, or brings it in line with this worker's config, like the
 * stock-sync schedule (worker/schedules.ts): overlap SKIP (one tick at a time), catch-up of one interval,
 * paused by OUTAGE_DETECTION_ENABLED=false (an operator's own pause is kept).
 */
export async function ensureOutageDetectionSchedule(
  client: Client,
  config: OutageDetectionScheduleConfig,
  scheduleId = OUTAGE_DETECTION_SCHEDULE_ID,
): Promise<{ scheduleId: string; created: boolean; paused: boolean }> {
  const every = config.OUTAGE_DETECTION_INTERVAL_SECONDS * 1000;
  const spec = { intervals: [{ every }] };
  const action: ScheduleOptionsStartWorkflowAction<typeof detectOutages> = {
    type: 'startWorkflow',
    workflowType: DETECT_OUTAGES_WORKFLOW_TYPE,
    workflowId: scheduleId,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    args: [outageDetectionInputFromConfig(config)],
  };
  const policies = { overlap: 'SKIP' as const, catchupWindow: every };
  const disabled = !config.OUTAGE_DETECTION_ENABLED;
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
