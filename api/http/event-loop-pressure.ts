import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface EventLoopPressure {
  /** True while the event loop's recent delay is past the limit: the process has more work than CPU. */
  isLagging(): boolean;
  stop(): void;
}

/**
 * Watches this process's event loop delay over short windows. A CPU-bound API does not fail, it gets
 * slow: every request, and every timer that would answer a waiting one with 503, runs seconds late. The
 * concurrency limit alone cannot see that (the right limit depends on how heavy the requests and how
 * busy the machine are), so load shedding also asks this: while the loop lags, nothing queues and fewer
 * requests are admitted, which brings the delay back down instead of feeding it.
 */
export function watchEventLoopPressure(settings: { maxDelayMs: number; windowMs: number }): EventLoopPressure {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let lagging = false;
  const timer = setInterval(() => {
    // Nanoseconds; p90 so one slow tick (a GC pause) does not count as pressure.
    lagging = histogram.count > 0 && histogram.percentile(90) / 1e6 > settings.maxDelayMs;
    histogram.reset();
  }, settings.windowMs);
  timer.unref();
  return {
    isLagging: () => lagging,
    stop: () => {
      clearInterval(timer);
      histogram.disable();
    },
  };
}
