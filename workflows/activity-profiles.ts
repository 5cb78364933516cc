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
  /** Pushes to external channels: rate-limited and slow at times; the adapter retries inside, too. */
  channelPush: {
    startToCloseTimeout: '5 minutes',
    heartbeatTimeout: '1 minute',
    retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes', maximumAttempts: 8 },
  },
  /** Customer notifications go through the outbox; delivery is retried by the outbox, not here. */
  notify: {
    startToCloseTimeout: '1 minute',
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 5 },
  },
} as const satisfies Record<string, ActivityOptions>;
