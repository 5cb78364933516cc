import { type ActivityOptions } from '@temporalio/workflow';

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
    heartbeatTimeout: '10 seconds',
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
