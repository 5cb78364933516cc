/**
 * Runs inside the workflow sandbox of the chaos suite's workers only (chaos/worker-pool.ts bundles it;
 * production bundles never contain it). A run started with the memo `chaosActivityTimeoutCapMs` has every
 * activity's start-to-close and heartbeat timeout capped at that many milliseconds, so an activity a
 * SIGKILLed worker held is handed to its replacement after the cap instead of the profile's 30 s or 60 s
 * (workflows/kit/activity-profiles.ts). That bounds how long one kill can hold a run up
 * (chaos/recovery-budget.ts), and with it the run deadline a real loss is told apart by. Activity options
 * are not part of a history's commands, so the workflow code runs unchanged.
 */
import { type ActivityOptions, msToNumber } from '@temporalio/common';
import { type WorkflowInterceptorsFactory, workflowInfo } from '@temporalio/workflow';

export const ACTIVITY_TIMEOUT_CAP_MEMO = 'chaosActivityTimeoutCapMs';

function capped(options: ActivityOptions, capMs: number): ActivityOptions {
  const cap = (duration: ActivityOptions['startToCloseTimeout']) =>
    duration === undefined ? undefined : Math.min(msToNumber(duration), capMs);
  return {
    ...options,
    startToCloseTimeout: cap(options.startToCloseTimeout) ?? capMs,
    ...(options.heartbeatTimeout !== undefined && { heartbeatTimeout: cap(options.heartbeatTimeout) }),
  };
}

export const interceptors: WorkflowInterceptorsFactory = () => ({
  outbound: [
    {
      scheduleActivity(input, next) {
        const capMs = workflowInfo().memo?.[ACTIVITY_TIMEOUT_CAP_MEMO];
        return typeof capMs === 'number' && capMs > 0 ? next({ ...input, options: capped(input.options, capMs) }) : next(input);
      },
    },
  ],
});
