import { z } from 'zod';

/**
 * Everything the HTTP adapter needs to talk to one channel. Built from the channel's database record
 * (rate-limit profile, batch size, async flag) plus deployment settings (base URL, API key); the retry
 * and timeout numbers have defaults a worker can live with and tests shrink.
 */
export const httpChannelProfileSchema = z.object({
  code: z.string().min(1),
  /** The channel's API root, e.g. http://127.0.0.1:4010/channels/megamart for the sandbox. */
  baseUrl: z.url(),
  apiKey: z.string().min(1),
  /** The channel's published limit; the adapter paces itself to it so 429s stay the exception. */
  rateLimit: z.object({
    perSecond: z.number().positive(),
    burst: z.number().int().min(1),
    /** Every row of a batch costs one token (the channel counts items, not requests). */
    perItem: z.boolean(),
  }),
  /**
   * Share of the published rate and burst the client uses. Requests reach the channel with varying
   * network delay, so pacing at exactly the limit still draws the odd 429; 10% headroom measured enough.
   */
  rateLimitShare: z.number().gt(0).max(1).default(0.9),
  maxBatchSize: z.number().int().min(1),
  asyncJobs: z.boolean(),
  /** SKUs per read-back request (they travel in the query string, so keep URLs short). */
  readBackPageSize: z.number().int().min(1).max(500).default(100),
  timeouts: z
    .object({
      /** One HTTP request, connect to last byte. */
      requestMs: z.number().int().min(1).default(10_000),
      jobPollIntervalMs: z.number().int().min(1).default(1000),
      /** How long an async job may take before the push is reported as unavailable (and retried later). */
      jobMaxWaitMs: z.number().int().min(1).default(120_000),
    })
    .prefault({}),
  retry: z
    .object({
      /**
       * Attempts per request while the channel answers 429, the first one included. Rate limits are the
       * adapter's to retry: it knows the Retry-After, pauses every caller of the channel's bucket for it,
       * and a wait inside the activity (heartbeating) costs no Temporal attempt. See docs/channel-sandbox.md.
       */
      rateLimitedAttempts: z.number().int().min(1).default(5),
      /**
       * Attempts per request while the channel is unavailable (network, timeouts, 5xx, 408, 409 twin). One:
       * those retries belong to Temporal's activity retry policy (durable backoff that survives a worker
       * restart, each attempt in the run's history), so a channel that is down sees one call per activity
       * attempt instead of this number times the policy's attempts. Raise it only for callers outside Temporal.
       */
      unavailableAttempts: z.number().int().min(1).default(1),
      /** Wall time one request may spend in retries before giving up, so an activity's timeout is never a surprise. */
      maxElapsedMs: z.number().int().min(1).default(30_000),
      baseDelayMs: z.number().int().min(1).default(200),
      maxDelayMs: z.number().int().min(1).default(10_000),
    })
    .prefault({}),
});

export type HttpChannelProfile = z.infer<typeof httpChannelProfileSchema>;
export type HttpChannelProfileInput = z.input<typeof httpChannelProfileSchema>;
