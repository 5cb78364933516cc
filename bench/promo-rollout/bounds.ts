import { type DemoChannel } from '../../channels/catalog';

export interface ChannelBound {
  /** Tokens the channel's bucket must give for the writes and one read-back of every SKU. */
  cost: number;
  /** Seconds the published limit imposes at least: (cost - burst) / rate. */
  seconds: number;
  /** What our design spends on top: the read before the push (the snapshot). */
  snapshotCost: number;
}

/**
 * The least time a channel's rate limit and batch size allow for pushing `skus` prices and reading every
 * one back: writes are ceil(skus / batch) requests (a per-item channel charges a token per row), reads
 * are ceil(skus / readBackPage) requests of one token; a full bucket (burst) is free.
 */
export function channelBound(channel: DemoChannel, skus: number, readBackPage: number): ChannelBound {
  const writes = Math.ceil(skus / channel.maxBatchSize);
  const writeCost = channel.rateLimit.perItem ? skus : writes;
  const reads = Math.ceil(skus / readBackPage);
  const cost = writeCost + reads;
  return { cost, seconds: Math.max(0, cost - channel.rateLimit.burst) / channel.rateLimit.perSecond, snapshotCost: reads };
}

/** The largest SKU count (a multiple of `step`) whose bound stays within `maxSeconds`. */
export function skusWithin(channel: DemoChannel, wanted: number, maxSeconds: number, readBackPage: number, step: number): number {
  if (channelBound(channel, wanted, readBackPage).seconds <= maxSeconds) return wanted;
  let low = step;
  let high = wanted;
  while (high - low > step) {
    const middle = Math.floor((low + high) / 2 / step) * step;
    if (channelBound(channel, middle, readBackPage).seconds <= maxSeconds) low = middle;
    else high = middle;
  }
  return low;
}
