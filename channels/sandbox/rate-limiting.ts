import { type RequestHandler } from 'express';
import { channelOf, sendError } from './channel-request';
import { type SandboxContext } from './sandbox-context';

const millisecondsPerSecond = 1000;

/**
 * The channel's token bucket: one token per request, or one per batch row for channels that count
 * items. Over the limit it answers 429 with Retry-After (whole seconds, at least 1, as HTTP allows).
 */
export function enforceRateLimit(context: SandboxContext): RequestHandler {
  return (req, res, next) => {
    const world = channelOf(res);
    const { perItem, burst } = world.profile.rateLimit;
    const rows: unknown = (req.body as { rows?: unknown } | undefined)?.rows;
    // A batch larger than the bucket could never pass; it is refused later for its size instead.
    const cost = Math.min(burst, perItem && Array.isArray(rows) ? Math.max(1, rows.length) : 1);
    if (world.bucket.tryRemoveTokens(cost)) {
      res.set('X-RateLimit-Remaining', String(Math.floor(world.bucket.content)));
      next();
      return;
    }
    const waitMs = world.bucket.getWaitTime(cost);
    const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / millisecondsPerSecond));
    context.log.record('rate_limited', world.code, { method: req.method, path: req.path, cost, retryAfterSeconds });
    res.set('Retry-After', String(retryAfterSeconds));
    sendError(res, 429, 'RATE_LIMITED', `rate limit of ${world.profile.rateLimit.perSecond}/s (burst ${burst}) exceeded`);
  };
}
