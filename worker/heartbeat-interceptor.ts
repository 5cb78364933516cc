import { type ActivityInterceptorsFactory } from '@temporalio/worker';

/** A liveness heartbeat goes out this many times per heartbeat timeout while an activity runs. */
export const LIVENESS_HEARTBEATS_PER_TIMEOUT = 3;

/**
 * Every activity scheduled with a heartbeat timeout heartbeats while it runs, at a third of that timeout,
 * whatever it is doing (waiting for a rate-limit token, a Retry-After, an HTTP answer, a database lock).
 * That is what makes a short heartbeat timeout safe: a live attempt is never declared dead, and an attempt
 * whose worker was SIGKILLed stops heartbeating at once, so Temporal hands it to another worker after the
 * heartbeat timeout instead of the start-to-close timeout (workflows/kit/activity-profiles.ts). Activities
 * that report progress themselves (channel requests, through the adapter's hooks; page pushes) still do;
 * these beats carry no details. The start-to-close timeout still bounds an attempt that hangs while alive.
 * Applied to every worker by createWorker, so no activity can forget it.
 */
export const heartbeatWhileRunning: ActivityInterceptorsFactory = (context) => ({
  inbound: {
    async execute(input, next) {
      const timeoutMs = context.info.heartbeatTimeoutMs;
      if (!timeoutMs) return next(input);
      const timer = setInterval(() => context.heartbeat(), Math.max(1, Math.floor(timeoutMs / LIVENESS_HEARTBEATS_PER_TIMEOUT)));
      try {
        return await next(input);
      } finally {
        clearInterval(timer);
      }
    },
  },
});
