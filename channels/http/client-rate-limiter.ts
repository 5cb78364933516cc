import { setTimeout as sleep } from 'node:timers/promises';
import { TokenBucket } from 'limiter';

/**
 * A token bucket kept where every process that calls the channel sees it (activities/channels/
 * shared-rate-bucket.ts keeps one row per channel in PostgreSQL), so N workers together stay under the
 * channel's limit instead of each pacing to all of it.
 */
export interface SharedRateBucket {
  /** Takes `cost` tokens (going into debt when there are too few) and answers how long to wait before sending. */
  reserve(request: { cost: number; perSecond: number; burst: number }): Promise<number>;
  /** Every process holds back its next requests for this long (a 429's Retry-After). */
  pauseFor(milliseconds: number): Promise<void>;
}

/**
 * Client-side pacing to the channel's published token bucket. With a SharedRateBucket the bucket is the
 * channel's, across processes; without one (tests, tools) it is this process's, with `limiter`'s
 * TokenBucket: small, dependency-free, maintained (4.x, 2026), and it takes a token count per call, which
 * is what per-item channels need. (`bottleneck` would add a job scheduler we do not use and has had no
 * release since 2019.) A 429 from the channel also pauses every caller of this limiter until its
 * Retry-After, so concurrent pushes stop hammering together.
 */
export class ClientRateLimiter {
  private readonly bucket: TokenBucket;
  private readonly burst: number;
  private readonly perSecond: number;
  private pausedUntil = 0;

  constructor(
    limit: { perSecond: number; burst: number },
    share: number,
    private readonly shared?: SharedRateBucket,
  ) {
    this.burst = Math.max(1, Math.floor(limit.burst * share));
    this.perSecond = limit.perSecond * share;
    this.bucket = new TokenBucket({ bucketSize: this.burst, tokensPerInterval: this.perSecond, interval: 'second' });
    this.bucket.content = this.burst;
  }

  async acquire(cost: number, signal?: AbortSignal): Promise<void> {
    for (let pause = this.pausedUntil - Date.now(); pause > 0; pause = this.pausedUntil - Date.now()) {
      await sleep(pause, undefined, { signal });
    }
    // A batch bigger than the burst can never fit the bucket; it waits for a full bucket instead.
    const tokens = Math.min(cost, this.burst);
    if (this.shared) {
      const waitMs = await this.shared.reserve({ cost: tokens, perSecond: this.perSecond, burst: this.burst });
      if (waitMs > 0) await sleep(waitMs, undefined, { signal });
    } else {
      await this.bucket.removeTokens(tokens);
    }
    signal?.throwIfAborted();
  }

  pauseFor(milliseconds: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + milliseconds);
    // The local pause already holds this process back; the shared one is for the others, so a failure to
    // record it costs at most their next request a 429 of their own.
    this.shared?.pauseFor(milliseconds).catch(() => undefined);
  }
}
