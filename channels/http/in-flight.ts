/**
 * Runs `work` over every item with at most `limit` calls in flight, each result at its item's index. The
 * channel's rate limiter still paces every request: this only lets one request's round trip overlap the
 * next one's wait, so a channel is limited by its rate, not by our latency. After a failure nothing new is
 * started; the calls in flight are let finish (each has its idempotency key), then the first error is thrown.
 */
export async function mapInFlight<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | null = null;
  const lane = async (): Promise<void> => {
    while (failure === null && next < items.length) {
      const index = next;
      next += 1;
      try {
        results[index] = await work(items[index] as T, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (failure !== null) throw (failure as { error: unknown }).error;
  return results;
}
