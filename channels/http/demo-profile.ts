import { type DemoChannel } from '../catalog';
import { devApiKeyFor } from '../sandbox/channel-auth';
import { type HttpChannelProfileInput } from './channel-profile';

/**
 * The HTTP profile of a demo channel as emulated by the sandbox at `sandboxUrl`: the channel's own
 * limits from the catalogue and the sandbox's dev API key. Overrides let tests shrink timeouts and
 * retry budgets.
 */
export function sandboxChannelProfile(
  channel: DemoChannel,
  sandboxUrl: string,
  overrides: Partial<Pick<HttpChannelProfileInput, 'timeouts' | 'retry' | 'readBackPageSize' | 'apiKey'>> = {},
): HttpChannelProfileInput {
  return {
    code: channel.code,
    baseUrl: `${sandboxUrl.replace(/\/$/, '')}/channels/${encodeURIComponent(channel.code)}`,
    apiKey: devApiKeyFor(channel.code),
    rateLimit: channel.rateLimit,
    maxBatchSize: channel.maxBatchSize,
    asyncJobs: channel.asyncJobs,
    ...overrides,
  };
}
