import { setTimeout as sleep } from 'node:timers/promises';
import { TokenBucket } from 'limiter';

/**
 * Client-side pacing to the channel's published token bucket, with `limiter`'s TokenBucket: small,
 * dependency-free, maintained (4.x, 2026), and it takes a token count per call, which is what
 * per-item channels need. (`bottleneck` would add a job scheduler we do not use and has had no
 * release since 2019.) A 429 from the channel also pauses every caller of this limiter until its
 * Retry-After, so concurrent pushes stop hammering together.
 *
 * The bucket is per process: N workers each pace to the full limit, and the channel's 429 + Retry-After
 * (honoured below) absorbs the excess. Create one adapter per channel per process.
 */
export class ClientRateLimiter {
  private readonly bucket: TokenBucket;
  private readonly burst: number;
  private pausedUntil = 0;

  constructor(limit: { perSecond: number; burst: number }, share: number) {
    this.burst = Math.max(1, Math.floor(limit.burst * share));
    this.bucket = new TokenBucket({ bucketSize: this.burst, tokensPerInterval: limit.perSecond * share, interval: 'second' });
    this.bucket.content = this.burst;
  }

  async acquire(cost: number, signal?: AbortSignal): Promise<void> {
    for (let pause = this.pausedUntil - Date.now(); pause > 0; pause = this.pausedUntil - Date.now()) {
      await sleep(pause, undefined, { signal });
    }
    // A batch bigger than the burst can never fit the bucket; it waits for a full bucket instead.
    await this.bucket.removeTokens(Math.min(cost, this.burst));
    signal?.throwIfAborted();
  }

  pauseFor(milliseconds: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + milliseconds);
  }
}
