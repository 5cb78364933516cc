import { ActivityFailure, proxyActivities, TimeoutFailure } from '@temporalio/workflow';

/** Test-only: an activity that works for `ms` without ever heartbeating itself, under a 1 s heartbeat timeout. */
export interface QuietActivities {
  workQuietly(ms: number): Promise<{ attempt: number }>;
}

const { workQuietly } = proxyActivities<QuietActivities>({
  startToCloseTimeout: '1 minute',
  heartbeatTimeout: '1 second',
  retry: { maximumAttempts: 1 },
});

/** Answers the attempt that finished, or how the single attempt timed out. */
export async function runQuietActivity(ms: number): Promise<{ attempt?: number; timedOut?: string }> {
  try {
    return await workQuietly(ms);
  } catch (error) {
    if (error instanceof ActivityFailure && error.cause instanceof TimeoutFailure) return { timedOut: String(error.cause.timeoutType) };
    throw error;
  }
}
