import { NotFoundError } from '../../domain/errors';
import { type ChannelAdapter } from '../../channels/channel-adapter';
import { ChannelNotConfiguredError } from '../../channels/channel-errors';
import { type ChannelHttpHooks } from '../../channels/http/channel-http-client';
import { type HttpChannelProfileInput } from '../../channels/http/channel-profile';
import { createChannelAdapter } from '../../channels/http/create-channel-adapter';
import { type PrismaClient } from '../../prisma/client';
import { activityHeartbeatHooks, combineChannelHooks } from './activity-heartbeat-hooks';
import { apiKeyFor, type ChannelApiKeySettings } from './channel-api-keys';
import { createSharedRateBucket } from './shared-rate-bucket';

/**
 * How activities reach a channel: by its code, with the adapter built from the channel's record. Throws
 * NotFoundError (no such channel) or ChannelNotConfiguredError (no API key); activities translate both.
 */
export interface ChannelAdapterSource {
  adapterFor(channelCode: string): Promise<ChannelAdapter>;
}

export interface ChannelAdapterSourceOptions {
  prisma: PrismaClient;
  apiKeys: ChannelApiKeySettings;
  /**
   * Told about every HTTP attempt to a channel (worker metrics: push rate, 429s). The running activity's
   * heartbeat per attempt (activity-heartbeat-hooks.ts) is always added.
   */
  hooks?: ChannelHttpHooks;
  /** Transport budgets (timeouts, retries, read-back page size); the adapter's defaults when omitted. */
  transport?: Pick<HttpChannelProfileInput, 'timeouts' | 'retry' | 'readBackPageSize'>;
}

/**
 * Builds one HTTP adapter per channel from its database row (base URL, rate-limit profile, batch size,
 * async flag) and keeps it: the adapter's client-side rate limiter only protects the channel if every
 * activity of this worker shares it, and its bucket lives in PostgreSQL so every other worker shares it
 * too. An admin's edit of the row is picked up on the next call because the cached adapter is rebuilt
 * whenever the profile it was built from changes.
 */
export function createChannelAdapterSource({
  prisma,
  apiKeys,
  hooks = {},
  transport = {},
}: ChannelAdapterSourceOptions): ChannelAdapterSource {
  const built = new Map<string, { fingerprint: string; adapter: ChannelAdapter }>();
  const withHeartbeats = combineChannelHooks(activityHeartbeatHooks(), hooks);

  return {
    async adapterFor(channelCode) {
      const channel = await prisma.channel.findUnique({ where: { code: channelCode } });
      if (!channel) throw new NotFoundError(`no channel "${channelCode}"`);
      const apiKey = apiKeyFor(channel.code, apiKeys);
      if (apiKey === null) {
        throw new ChannelNotConfiguredError(channel.code, `no API key for channel "${channel.code}": add it to CHANNEL_API_KEYS`);
      }
      const profile: HttpChannelProfileInput = {
        code: channel.code,
        baseUrl: channel.baseUrl,
        apiKey,
        rateLimit: { perSecond: channel.requestsPerSecond, burst: channel.burst, perItem: channel.perItemCost },
        maxBatchSize: channel.maxBatchSize,
        asyncJobs: channel.asyncJobs,
        ...transport,
      };
      const fingerprint = JSON.stringify(profile);
      const cached = built.get(channel.code);
      if (cached?.fingerprint === fingerprint) return cached.adapter;
      const adapter = createChannelAdapter(profile, withHeartbeats, createSharedRateBucket(prisma, channel.id));
      built.set(channel.code, { fingerprint, adapter });
      return adapter;
    },
  };
}
