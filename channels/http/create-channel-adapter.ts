import { type ChannelAdapter } from '../channel-adapter';
import { httpChannelProfileSchema, type HttpChannelProfileInput } from './channel-profile';
import { ChannelHttpClient, type ChannelHttpHooks } from './channel-http-client';
import { type SharedRateBucket } from './client-rate-limiter';
import { HttpChannelAdapter } from './http-channel-adapter';

/**
 * Builds the adapter for one channel from its profile (validated here, defaults filled in). Keep one
 * adapter per channel per process: its rate limiter is what keeps concurrent callers under the limit,
 * and with a `sharedBucket` the callers of every other process too.
 */
export function createChannelAdapter(
  profile: HttpChannelProfileInput,
  hooks: ChannelHttpHooks = {},
  sharedBucket?: SharedRateBucket,
): ChannelAdapter {
  const parsed = httpChannelProfileSchema.parse(profile);
  return new HttpChannelAdapter(parsed, new ChannelHttpClient(parsed, hooks, sharedBucket));
}
