import { Context } from '@temporalio/activity';
import { type ChannelHttpHooks } from '../../channels/http/channel-http-client';

/** The running activity's context, or undefined outside one (an adapter used by a script or a test). */
function currentActivity(): Context | undefined {
  try {
    return Context.current();
  } catch {
    return undefined;
  }
}

function heartbeat(details: Record<string, unknown>): void {
  const context = currentActivity();
  if (context?.info.heartbeatTimeoutMs) context.heartbeat(details);
}

/**
 * A channel push heartbeats once per request attempt and before every backoff sleep, with what it is
 * doing (channel, request, attempt), so Temporal's pending-activity view says which call an attempt is in.
 * Liveness between those beats comes from worker/heartbeat-interceptor.ts.
 */
export function activityHeartbeatHooks(): Pick<ChannelHttpHooks, 'onAttempt' | 'onRetry'> {
  return {
    onAttempt: ({ channelCode, method, path, attempt }) => heartbeat({ channelCode, request: `${method} ${path}`, attempt }),
    onRetry: ({ channelCode, method, path, attempt, delayMs, reason }) =>
      heartbeat({ channelCode, request: `${method} ${path}`, attempt, retryInMs: delayMs, reason }),
  };
}

/** Both sets of hooks, each called in turn. */
export function combineChannelHooks(...sets: ChannelHttpHooks[]): ChannelHttpHooks {
  return {
    onAttempt: (event) => sets.forEach((hooks) => hooks.onAttempt?.(event)),
    onRetry: (event) => sets.forEach((hooks) => hooks.onRetry?.(event)),
    onAnswer: (event) => sets.forEach((hooks) => hooks.onAnswer?.(event)),
  };
}
