import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../../activities';

/**
 * Test-only workflow: `calls` health probes of one channel at once, each a single rate-limited request
 * (GET /health, cost 1), so the activities spread over every worker polling the task queue.
 */
const { probeChannelHealth } = proxyActivities<Pick<Activities, 'probeChannelHealth'>>({
  startToCloseTimeout: '2 minutes',
  retry: { maximumAttempts: 1 },
});

export async function probeChannelRepeatedly(input: { channelCode: string; calls: number }): Promise<{ healthy: number }> {
  const results = await Promise.all(Array.from({ length: input.calls }, () => probeChannelHealth({ channelCode: input.channelCode })));
  return { healthy: results.filter((result) => result.healthy).length };
}
