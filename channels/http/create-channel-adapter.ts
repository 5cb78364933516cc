import { type ChannelAdapter } from '../channel-adapter';
import { httpChannelProfileSchema, type HttpChannelProfileInput } from './channel-profile';
import { ChannelHttpClient, type ChannelHttpHooks } from './channel-http-client';
import { HttpChannelAdapter } from './http-channel-adapter';

/**
 * Builds the adapter for one channel from its profile (validated here, defaults filled in). Keep one
 * adapter per channel per process: its rate limiter is what keeps concurrent callers under the limit.
 */
export function createChannelAdapter(profile: HttpChannelProfileInput, hooks: ChannelHttpHooks = {}): ChannelAdapter {
  const parsed = httpChannelProfileSchema.parse(profile);
  return new HttpChannelAdapter(parsed, new ChannelHttpClient(parsed, hooks));
}
