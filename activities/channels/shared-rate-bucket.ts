import { type SharedRateBucket } from '../../channels/http/client-rate-limiter';
import { type PrismaClient } from '../../prisma/client';

/**
 * One channel's token bucket as a row of channel_rate_buckets, shared by every worker process. Each
 * request is one atomic upsert (the row lock orders concurrent callers): refill by the time since the last
 * call on the database's clock (so the processes' clocks never matter), take the tokens, and answer the
 * wait. Tokens may go below zero: a caller that finds too few reserves its turn and sleeps until the
 * bucket would have refilled, so callers queue fairly instead of polling, and the channel sees at most
 * `burst`, then `perSecond`. A pause (429 Retry-After) moves refilled_at into the future and empties the
 * bucket, so every worker's next request starts after it, one token interval apart.
 *
 * Chosen over routing each channel's pushes to a task queue with a single poller: that needs a worker
 * that is *the* one for a channel (a single point of failure per channel, and a workflow change to name
 * the queue), and requests of varying cost inside one activity still need pacing. One statement per
 * channel request costs well under a millisecond next to an HTTP call to a channel.
 */
export function createSharedRateBucket(prisma: PrismaClient, channelId: string): SharedRateBucket {
  return {
    async reserve({ cost, perSecond, burst }) {
      const [row] = await prisma.$queryRaw<{ wait_ms: number }[]>`
        INSERT INTO channel_rate_buckets AS b (channel_id, tokens, refilled_at)
        VALUES (${channelId}::uuid, ${burst - cost}, clock_timestamp())
        ON CONFLICT (channel_id) DO UPDATE SET
          tokens = LEAST(${burst}::float8, b.tokens + ${perSecond}::float8 * GREATEST(0, EXTRACT(EPOCH FROM clock_timestamp() - b.refilled_at)::float8)) - ${cost}::float8,
          refilled_at = GREATEST(b.refilled_at, clock_timestamp())
        RETURNING (
          GREATEST(0, EXTRACT(EPOCH FROM b.refilled_at - clock_timestamp())::float8) + GREATEST(0, -b.tokens) / ${perSecond}::float8
        ) * 1000 AS wait_ms`;
      return row?.wait_ms ?? 0;
    },
    async pauseFor(milliseconds) {
      await prisma.$executeRaw`
        UPDATE channel_rate_buckets
        SET refilled_at = GREATEST(refilled_at, clock_timestamp() + ${milliseconds} * interval '1 millisecond'), tokens = LEAST(tokens, 0)
        WHERE channel_id = ${channelId}::uuid`;
    },
  };
}
