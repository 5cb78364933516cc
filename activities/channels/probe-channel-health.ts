import { Context } from '@temporalio/activity';
import { isChannelError } from '../../channels/channel-errors';
import { isAppError } from '../../domain/errors';
import { type ActivityDeps } from '../deps';

export interface ProbeChannelHealthInput {
  channelCode: string;
}

export interface ProbeChannelHealthResult {
  healthy: boolean;
  latencyMs: number;
  /** Why the channel counts as unhealthy, when it does. */
  detail: string | null;
}

/**
 * Asks the channel whether it is up before a sync sends it anything, and stamps lastHealthyAt when it is.
 * A channel we cannot even build an adapter for (no API key) is reported unhealthy with the reason,
 * so the run skips it and says why instead of failing.
 */
export function createProbeChannelHealth({ prisma, channels }: Pick<ActivityDeps, 'prisma' | 'channels'>) {
  return async function probeChannelHealth(input: ProbeChannelHealthInput): Promise<ProbeChannelHealthResult> {
    let adapter;
    try {
      adapter = await channels.adapterFor(input.channelCode);
    } catch (error) {
      // No such channel, or no key for it: not a fault to retry, a reason to skip the channel.
      if (isAppError(error) || (isChannelError(error) && !error.retryable)) return { healthy: false, latencyMs: 0, detail: error.message };
      throw error;
    }
    const health = await adapter.health({ signal: Context.current().cancellationSignal });
    if (health.healthy) await prisma.channel.update({ where: { code: input.channelCode }, data: { lastHealthyAt: new Date() } });
    return { healthy: health.healthy, latencyMs: health.latencyMs, detail: health.detail };
  };
}
