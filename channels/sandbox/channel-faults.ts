import { z } from 'zod';

/**
 * Faults a channel can be told to show at run time through PUT /_control/channels/<code>/faults.
 * - outage "refuse": the connection is dropped before any answer (what a client sees of a dead host
 *   behind a load balancer); "503": answered with 503 Service Unavailable.
 * - latencyMs: added before the channel answers.
 * - errorRate: share of requests answered 500.
 * - rateLimitStorm: every request answered 429 with Retry-After, whatever the bucket says.
 * - acceptButDropRate: share of written rows answered as success but never applied.
 * - dropWebhooks: the channel takes orders but its notifier is down: order and return events are kept as
 *   abandoned without a single delivery (POST /_control/webhooks/<eventId>/redeliver sends one later).
 * - garbleOrderListing: the order listing answers 200 with orders that break the wire format.
 */
export const channelFaultsSchema = z.object({
  outage: z.enum(['refuse', '503']).nullable(),
  latencyMs: z.number().int().min(0).max(120_000),
  errorRate: z.number().min(0).max(1),
  rateLimitStorm: z.boolean(),
  acceptButDropRate: z.number().min(0).max(1),
  dropWebhooks: z.boolean(),
  garbleOrderListing: z.boolean(),
});
export type ChannelFaults = z.infer<typeof channelFaultsSchema>;

export const channelFaultsPatchSchema = channelFaultsSchema.partial().strict();

export const noFaults: ChannelFaults = {
  outage: null,
  latencyMs: 0,
  errorRate: 0,
  rateLimitStorm: false,
  acceptButDropRate: 0,
  dropWebhooks: false,
  garbleOrderListing: false,
};
