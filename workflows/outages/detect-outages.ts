import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, proxyActivities, startChild, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { ChannelHealthVerdict } from '../../activities/outages/check-channel-health';
import { type DetectOutagesInput, type DetectOutagesResult } from '../../domain/outages/outage-detection-workflow';
import { checkFailed, shouldOpenOutage } from '../../domain/outages/outage-detection';
import { searchAttributes } from '../../domain/workflow-kit/search-attributes';
import { activityProfiles } from '../kit/activity-profiles';
import { handleOutage } from './handle-outage';

const { listWatchedChannels, openDetectedOutage, recordDetectedOutageStarted } = proxyActivities<
  Pick<Activities, 'listWatchedChannels' | 'openDetectedOutage' | 'recordDetectedOutageStarted'>
>(activityProfiles.db);
/** One probe per attempt, no retries: a channel that does not answer is a failed check, not a fault to retry. */
const { checkChannelHealth } = proxyActivities<Pick<Activities, 'checkChannelHealth'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumAttempts: 3 },
});

/** The checks that failed in a row, newest last. */
function trailingFailures(verdict: ChannelHealthVerdict, input: DetectOutagesInput): number {
  let count = 0;
  for (const check of [...verdict.recent].reverse()) {
    if (!checkFailed(check, input.settings.detection)) break;
    count += 1;
  }
  return count;
}

/**
 * One tick of outage detection, run by the outage-detection schedule (worker/outage-detection-schedule.ts):
 * every watched channel gets a health check (probe + failure rate of its recent pushes); after
 * OUTAGE_DETECTION_FAILURES failed checks in a row its outage is opened and its run started (a child that
 * outlives this tick), or, when one is open already, the detection joins it - once per run of failures,
 * not once per tick.
 */
export async function detectOutages(input: DetectOutagesInput): Promise<DetectOutagesResult> {
  const { workflowId, taskQueue } = workflowInfo();
  const { channels } = await listWatchedChannels({ channelCodes: input.channelCodes });
  const verdicts = await Promise.all(
    channels.map((channel) =>
      checkChannelHealth({
        runId: workflowId,
        channelId: channel.id,
        channelCode: channel.code,
        pushWindowMs: input.pushWindowMs,
        detection: input.settings.detection,
      }),
    ),
  );
  const result: DetectOutagesResult = { checked: verdicts.length, failed: 0, opened: [], joined: [] };
  for (const verdict of verdicts) {
    if (verdict.latest.failed) result.failed += 1;
    if (!shouldOpenOutage(verdict.recent, input.settings.detection)) continue;
    if (verdict.openOutageId !== null && trailingFailures(verdict, input) !== input.settings.detection.consecutiveFailures) continue;
    const detected = await openDetectedOutage({
      channelId: verdict.channelId,
      channelCode: verdict.channelCode,
      cause: `detected: ${input.settings.detection.consecutiveFailures} failed health checks in a row (${verdict.latest.detail ?? 'no detail'})`,
      taskQueue,
      settings: input.settings,
      detectedBy: workflowId,
    });
    if (!detected.created) {
      result.joined.push(detected.outageId);
      continue;
    }
    try {
      const child = await startChild(handleOutage, {
        workflowId: detected.workflowId,
        args: [detected.input],
        parentClosePolicy: ParentClosePolicy.ABANDON,
        typedSearchAttributes: [
          { key: searchAttributes.businessKey, value: detected.workflowId },
          { key: searchAttributes.workflowDomain, value: 'outages' },
          { key: searchAttributes.channelCode, value: verdict.channelCode },
        ],
      });
      await recordDetectedOutageStarted({ workflowId: detected.workflowId, runId: child.firstExecutionRunId });
    } catch (error) {
      // The relay (the outbox's safety net) started it first: the run exists, which is all that matters.
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    result.opened.push(detected.outageId);
  }
  return result;
}
