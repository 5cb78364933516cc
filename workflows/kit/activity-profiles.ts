import { type Duration } from '@temporalio/common';
import { type ActivityOptions } from '@temporalio/workflow';

/**
 * Heartbeat timeout of the kit's activities (db steps, single channel calls, notifications). Every
 * activity with a heartbeat timeout heartbeats a third of it while it runs (worker/heartbeat-interceptor.ts)
 * and a channel call once per request attempt besides, so 10 s is never reached by a live attempt, even
 * on a loaded machine, while a SIGKILLed worker's attempt goes to another worker 10 s after its last beat
 * instead of after its start-to-close timeout (30 s for a db step, 5 min for a channel call). It is the
 * channel adapter's per-request timeout (channels/http/channel-profile.ts), so a request that is merely
 * slow never costs an attempt either.
 */
export const LIVENESS_HEARTBEAT_TIMEOUT = '10 seconds' satisfies Duration;

/**
 * Every proxyActivities call uses one of these named profiles, so timeouts and retries are chosen once,
 * per kind of side effect, instead of per call site. Business rejections are thrown as non-retryable
 * ApplicationFailures by the activities themselves, so no profile needs to list them.
 */
export const activityProfiles = {
  /** Short database transactions: retried quickly, a stuck one is abandoned after 30 s. */
  db: {
    startToCloseTimeout: '30 seconds',
    retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '10 seconds', maximumAttempts: 10 },
  },
  /**
   * Pushes to external channels. These attempts are the only retries of an unavailable channel (the adapter
   * tries once per attempt); 429s are waited out by the adapter inside an attempt (docs/channel-sandbox.md,
   * "Who retries what").
   */
  channelPush: {
    startToCloseTimeout: '5 minutes',
    heartbeatTimeout: '1 minute',
    retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes', maximumAttempts: 8 },
  },
  /**
   * Money going back through a channel or the payment provider: one HTTP call, heartbeated while it is
   * out, so a refund whose worker died is handed to another after 10 s instead of the push profile's
   * minute; the call's key makes the repeat pay nothing twice. Same retries as channel pushes.
   */
  refund: {
    startToCloseTimeout: '2 minutes',
    heartbeatTimeout: LIVENESS_HEARTBEAT_TIMEOUT,
    retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes', maximumAttempts: 8 },
  },
  /**
   * One channel call an activity makes a few requests for (a refund per line, an order status update):
   * channelPush's attempts and timeouts, with the short heartbeat timeout (each request attempt heartbeats).
   */
  channelCall: {
    startToCloseTimeout: '5 minutes',
    heartbeatTimeout: LIVENESS_HEARTBEAT_TIMEOUT,
    retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes', maximumAttempts: 8 },
  },
  /**
   * Customer and staff notifications: writing the outbox row and handing it to the message gateway.
   * A gateway outage must not lose a message (the pickup code among them), so sends keep retrying with
   * backoff for up to an hour; a recipient the gateway refuses is a non-retryable failure instead.
   */
  notify: {
    startToCloseTimeout: '30 seconds',
    scheduleToCloseTimeout: '1 hour',
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
  },
} as const satisfies Record<string, ActivityOptions>;

/**
 * A profile with the liveness heartbeat timeout, for the kit's own proxies (workflows/kit/activity-proxies.ts):
 * the db and notify profiles stay without one for workflows that proxy them directly, whose activities
 * may hold the event loop longer (set-based reconciliation, imports).
 */
export function withLivenessHeartbeat<T extends ActivityOptions>(profile: T): T & { heartbeatTimeout: typeof LIVENESS_HEARTBEAT_TIMEOUT } {
  return { ...profile, heartbeatTimeout: LIVENESS_HEARTBEAT_TIMEOUT };
}

/** What the kit's proxies schedule activities with (chaos/recovery-budget.ts reads the timeouts from here). */
export const kitActivityOptions = {
  db: withLivenessHeartbeat(activityProfiles.db),
  channel: activityProfiles.channelCall,
  notify: withLivenessHeartbeat(activityProfiles.notify),
  refund: activityProfiles.refund,
} as const satisfies Record<string, ActivityOptions>;
