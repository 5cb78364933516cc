import { demoChannels } from '../../../channels/catalog';
import { type ChannelAdapter } from '../../../channels/channel-adapter';
import { createChannelAdapter } from '../../../channels/http/create-channel-adapter';
import { type HttpChannelProfileInput } from '../../../channels/http/channel-profile';
import { type RetryEvent } from '../../../channels/http/channel-http-client';
import { sandboxChannelProfile } from '../../../channels/http/demo-profile';

/** Small budgets so failure paths finish in seconds: 3 attempts of each kind (the adapter alone, outside Temporal), 5 s of retrying, 1 s per request. */
export const testRetryBudget = { rateLimitedAttempts: 3, unavailableAttempts: 3, maxElapsedMs: 5000, baseDelayMs: 50, maxDelayMs: 400 };
export const testTimeouts = { requestMs: 1000, jobPollIntervalMs: 50, jobMaxWaitMs: 5000 };

export function sandboxAdapter(
  sandboxUrl: string,
  code: string,
  overrides: Partial<Pick<HttpChannelProfileInput, 'retry' | 'timeouts' | 'readBackPageSize'>> = {},
): { adapter: ChannelAdapter; retries: RetryEvent[] } {
  const channel = demoChannels.find((candidate) => candidate.code === code);
  if (!channel) throw new Error(`no demo channel ${code}`);
  const retries: RetryEvent[] = [];
  const adapter = createChannelAdapter(
    sandboxChannelProfile(channel, sandboxUrl, {
      retry: { ...testRetryBudget, ...overrides.retry },
      timeouts: { ...testTimeouts, ...overrides.timeouts },
      readBackPageSize: overrides.readBackPageSize,
    }),
    { onRetry: (event) => retries.push(event) },
  );
  return { adapter, retries };
}
