import { Context } from '@temporalio/activity';

/**
 * Heartbeats at a third of the activity's heartbeat timeout while `work` runs. A channel page can
 * legitimately take long (rate-limit waits, async-job polling, the adapter's own retries); heartbeats
 * keep Temporal from declaring a live attempt dead and let it deliver cancellation, while the
 * start-to-close timeout still bounds a call that truly hangs.
 */
export async function keepHeartbeating<T>(work: (context: Context) => Promise<T>): Promise<T> {
  const context = Context.current();
  const timeoutMs = context.info.heartbeatTimeoutMs;
  if (!timeoutMs) return work(context);
  const timer = setInterval(() => context.heartbeat(), Math.max(1, Math.floor(timeoutMs / 3)));
  try {
    return await work(context);
  } finally {
    clearInterval(timer);
  }
}
