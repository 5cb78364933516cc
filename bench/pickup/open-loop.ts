import { percentile } from '../support/latency';

/** Wall-clock epoch milliseconds with sub-millisecond precision, comparable with timestamps other processes on this machine write. */
export function epochMs(): number {
  return performance.timeOrigin + performance.now();
}

export interface OfferedCall<T> {
  index: number;
  /** Epoch ms when the call was sent. */
  sentAtMs: number;
  /** How long the call took to answer (for HTTP: until the whole body was read). */
  latencyMs: number;
  result?: T;
  error?: string;
}

export interface OfferedLoad<T> {
  calls: OfferedCall<T>[];
  /** Sends dropped because `maxInFlight` calls were still unanswered: the system under test fell far behind. */
  skipped: number;
  /** How far behind its schedule the generator sent (p99): large values mean the bench itself was short of CPU. */
  sendLagP99Ms: number;
}

/**
 * Offers `rate` calls per second for `durationSeconds` on a fixed schedule (open loop): a slow answer
 * does not delay the next send, so the latencies include queueing, as a customer's checkout would see
 * it, instead of hiding it (coordinated omission). `maxInFlight` bounds the pile-up when the system falls behind.
 */
export async function offerLoad<T>(
  rate: number,
  durationSeconds: number,
  maxInFlight: number,
  call: (index: number) => Promise<T>,
): Promise<OfferedLoad<T>> {
  const total = Math.round(rate * durationSeconds);
  const intervalMs = 1000 / rate;
  const calls: OfferedCall<T>[] = [];
  const pending = new Set<Promise<void>>();
  const lagsMs: number[] = [];
  let skipped = 0;
  const start = performance.now();
  for (let index = 0; index < total; index += 1) {
    const dueAt = start + index * intervalMs;
    const wait = dueAt - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    lagsMs.push(Math.max(0, performance.now() - dueAt));
    if (pending.size >= maxInFlight) {
      skipped += 1;
      continue;
    }
    const sentAtMs = epochMs();
    const sent = performance.now();
    const settled = call(index).then(
      (result) => void calls.push({ index, sentAtMs, latencyMs: performance.now() - sent, result }),
      (error: unknown) =>
        void calls.push({
          index,
          sentAtMs,
          latencyMs: performance.now() - sent,
          error: error instanceof Error ? error.message : String(error),
        }),
    );
    pending.add(settled);
    void settled.finally(() => pending.delete(settled));
  }
  await Promise.all(pending);
  lagsMs.sort((a, b) => a - b);
  return { calls: calls.sort((a, b) => a.index - b.index), skipped, sendLagP99Ms: lagsMs.length === 0 ? 0 : percentile(lagsMs, 99) };
}
