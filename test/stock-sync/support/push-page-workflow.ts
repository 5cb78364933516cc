import { ActivityFailure, ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../../activities';
import type { PushStockPageInput } from '../../../activities/channels/push-stock-page';
import { activityProfiles } from '../../../workflows/kit/activity-profiles';

/**
 * Test-only workflow: one pushStockPage under the real channelPush profile (its attempts and timeouts),
 * with its backoff shrunk to milliseconds so all of its attempts fit in a test. Answers the failure type
 * the workflow finally saw, or PUSHED.
 */
const { pushStockPage } = proxyActivities<Pick<Activities, 'pushStockPage'>>({
  ...activityProfiles.channelPush,
  retry: { ...activityProfiles.channelPush.retry, initialInterval: '20 milliseconds', maximumInterval: '50 milliseconds' },
});

export async function pushOnePage(input: PushStockPageInput): Promise<{ outcome: string }> {
  try {
    await pushStockPage(input);
    return { outcome: 'PUSHED' };
  } catch (error) {
    const cause = error instanceof ActivityFailure ? error.cause : error;
    return { outcome: cause instanceof ApplicationFailure ? (cause.type ?? 'UNTYPED') : 'UNKNOWN' };
  }
}
