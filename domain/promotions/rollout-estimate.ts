/**
 * How long what is left of a channel's rollout must take, from the channel's published rate limit and
 * batch size, and when it will likely be done. Pure, so the rollout screen's figures are unit-tested.
 */

/** SKUs per read-back request: the HTTP adapter's default (channels/http/channel-profile.ts `readBackPageSize`). */
export const READ_BACK_PAGE_SIZE = 100;

/** Each SKU is read back before its push (the snapshot) and after it (the proof). */
export const READ_BACKS_PER_SKU = 2;

export interface ChannelLimits {
  requestsPerSecond: number;
  maxBatchSize: number;
  /** Every row of a batch costs a token (the channel counts items, not requests). */
  perItemCost: boolean;
}

/**
 * Tokens the channel's bucket must give for `skus` more SKUs: the price writes (one request per batch,
 * or one token per row) plus the read-backs before and after. Re-pushes and job polls come on top, so
 * this is a lower bound.
 */
export function tokensFor(skus: number, limits: ChannelLimits): number {
  if (skus <= 0) return 0;
  const writes = limits.perItemCost ? skus : Math.ceil(skus / limits.maxBatchSize);
  const readBacks = READ_BACKS_PER_SKU * Math.ceil(skus / READ_BACK_PAGE_SIZE);
  return writes + readBacks;
}

/** The fewest seconds the channel's rate limit allows for `skus` more SKUs. */
export function limitBoundSeconds(skus: number, limits: ChannelLimits): number {
  return tokensFor(skus, limits) / limits.requestsPerSecond;
}

export interface ProgressSample {
  total: number;
  /** SKUs whose outcome is known (verified or failed after the re-pushes). */
  done: number;
  /** The pass's first write or snapshot; null before it started. */
  startedAt: Date | null;
  /** The latest recorded outcome. */
  lastOutcomeAt: Date | null;
}

/** SKUs settled per second so far; null until there are at least two points a second apart. */
export function measuredRatePerSecond(sample: ProgressSample): number | null {
  if (sample.startedAt === null || sample.lastOutcomeAt === null || sample.done === 0) return null;
  const seconds = (sample.lastOutcomeAt.getTime() - sample.startedAt.getTime()) / 1000;
  if (seconds < 1) return null;
  return sample.done / seconds;
}

/**
 * When the rest will be done: never sooner than the rate limit allows, and no sooner than the pace
 * measured so far when that is slower (a 429 storm, an async channel's job delay). Null when nothing is left.
 */
export function estimatedFinish(sample: ProgressSample, limits: ChannelLimits, now: Date): Date | null {
  const remaining = Math.max(0, sample.total - sample.done);
  if (remaining === 0) return null;
  const bound = limitBoundSeconds(remaining, limits);
  const rate = measuredRatePerSecond(sample);
  const seconds = rate === null ? bound : Math.max(bound, remaining / rate);
  return new Date(now.getTime() + Math.ceil(seconds * 1000));
}
