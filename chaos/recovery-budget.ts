import { type Duration, msToNumber } from '@temporalio/common';
import { kitActivityOptions } from '../workflows/kit/activity-profiles';

/** The timeouts that decide how soon Temporal hands a dead worker's work to its replacement. */
export interface RecoveryTimeouts {
  /** Cap on every activity's start-to-close and heartbeat timeout (chaos/activity-timeout-cap-interceptor.ts); none: the profiles' own. */
  activityTimeoutCapMs?: number;
  /** Workflow task start-to-close timeout the runs are started with (Temporal's default: 10 s). */
  workflowTaskTimeoutMs: number;
  /** The workers' sticky queue schedule-to-start timeout (the SDK's default: 10 s). */
  stickyQueueTimeoutMs: number;
  /** Allowance for a replacement worker to start and poll (bundle prebuilt; slower on a loaded machine). */
  workerStartMs: number;
}

/** An activity option set's timeouts and first retry interval (what decides how long a dead worker holds it). */
type ActivityProfile = {
  startToCloseTimeout: Duration;
  heartbeatTimeout?: Duration;
  retry: { initialInterval: Duration };
};

/**
 * How long an activity of a dead worker stays with it under `profile`: its start-to-close timeout, or its
 * heartbeat timeout when that is shorter (a killed worker never heartbeats), capped when a cap is set, plus
 * the first retry interval before the replacement gets it.
 */
export function activityHoldMs(profile: ActivityProfile, capMs: number | undefined): number {
  const timeouts = [profile.startToCloseTimeout, profile.heartbeatTimeout]
    .filter((timeout) => timeout !== undefined)
    .map((timeout) => msToNumber(timeout));
  return Math.min(...timeouts, capMs ?? Infinity) + msToNumber(profile.retry.initialInterval);
}

/** The longest hold over every option set the kit's proxies schedule activities with (the pickup runs' activities). */
export function longestActivityHoldMs(capMs: number | undefined): number {
  return Math.max(...Object.values(kitActivityOptions).map((profile: ActivityProfile) => activityHoldMs(profile, capMs)));
}

/**
 * How long one SIGKILL can hold one run up, at worst: the activity the dead worker held times out, the
 * workflow task that follows goes to the dead worker's sticky queue and waits out its schedule-to-start
 * timeout, a workflow task the dead worker had started waits out its own timeout, and the replacement has
 * to start. Summed, though one kill rarely costs all of them.
 */
export function stallPerKillMs(timeouts: RecoveryTimeouts): number {
  return (
    longestActivityHoldMs(timeouts.activityTimeoutCapMs) +
    timeouts.stickyQueueTimeoutMs +
    timeouts.workflowTaskTimeoutMs +
    timeouts.workerStartMs
  );
}

/**
 * A run's deadline from its start: the time it takes undisturbed plus every kill's worst stall (any kill
 * may land on it). Past that, a run that has not ended as driven is lost, not slow.
 */
export function runDeadlineMs(undisturbedRunMs: number, kills: number, timeouts: RecoveryTimeouts): number {
  return undisturbedRunMs + kills * stallPerKillMs(timeouts);
}
