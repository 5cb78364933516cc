import { z } from 'zod';
import { devApiKeyFor } from '../../channels/sandbox/channel-auth';

/**
 * Where a channel's API key comes from. Keys are deployment secrets, so they live in the worker's
 * environment (CHANNEL_API_KEYS, a JSON object of channel code -> key), not in the database next to the
 * data an admin can read. Channels without an entry fall back to the sandbox's predictable dev key
 * (`sandbox-key-<code>`) while CHANNEL_SANDBOX_DEV_KEYS is true, which is what `npm run dev` needs;
 * production sets it to false so a forgotten key is an error, not a silent 401 loop.
 */
const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

export const channelApiKeysEnv = {
  CHANNEL_API_KEYS: z
    .string()
    .default('{}')
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: 'must be a JSON object of channel code to API key, e.g. {"megamart":"key"}' });
        return z.NEVER;
      }
    })
    .pipe(z.record(z.string().min(1), z.string().min(1), 'must be a JSON object of channel code to API key')),
  CHANNEL_SANDBOX_DEV_KEYS: booleanFlag.default(true),
};

export interface ChannelApiKeySettings {
  keys: Readonly<Record<string, string>>;
  useSandboxDevKeys: boolean;
}

/** The key for `channelCode`, or null when none is configured and dev keys are off. */
export function apiKeyFor(channelCode: string, settings: ChannelApiKeySettings): string | null {
  return settings.keys[channelCode] ?? (settings.useSandboxDevKeys ? devApiKeyFor(channelCode) : null);
}
