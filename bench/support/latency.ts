/** Nearest-rank percentile of latencies in milliseconds (p in 0..100). */
export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sortedMs.length);
  return sortedMs[Math.min(sortedMs.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

/**
 * Runs `operations` through `concurrency` parallel callers, like that many activities at once, and
 * times each call. Answers the wall time and each call's latency in milliseconds.
 */
export async function runConcurrently(
  operations: number,
  concurrency: number,
  operation: (index: number) => Promise<void>,
): Promise<{ wallMs: number; latenciesMs: number[] }> {
  const latenciesMs: number[] = [];
  let next = 0;
  const started = performance.now();
  const caller = async (): Promise<void> => {
    while (next < operations) {
      const index = next;
      next += 1;
      const callStarted = performance.now();
      await operation(index);
      latenciesMs.push(performance.now() - callStarted);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
  return { wallMs: performance.now() - started, latenciesMs };
}
