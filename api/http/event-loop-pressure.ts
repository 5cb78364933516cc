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
  let lastTick = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    // This timer's own lateness counts too: a window in which the loop never turned has no samples.
    const late = now - lastTick - settings.windowMs > settings.maxDelayMs;
    lastTick = now;
    // Nanoseconds; p90 so one slow tick (a GC pause) does not count as pressure. No samples: as before.
    const delayed = histogram.count > 0 ? histogram.percentile(90) / 1e6 > settings.maxDelayMs : lagging;
    lagging = late || delayed;
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
