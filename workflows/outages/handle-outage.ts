import { condition, patched, proxyActivities, setHandler, uuid4, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { hasRecovered, type HealthCheck } from '../../domain/outages/outage-detection';
import { endOutageSignal, outageTimelineQuery, stockCountRequestedSignal } from '../../domain/outages/outage-messages';
import {
  OUTAGE_ACTOR,
  OUTAGE_FLOW_PATCH,
  type EndOutageRequest,
  type HandleOutageInput,
  type HandleOutageResult,
  type OutageMeasure,
} from '../../domain/outages/outage-workflow';
import { searchAttributes } from '../../domain/workflow-kit/search-attributes';
import { activityProfiles } from '../kit/activity-profiles';
import { Compensations } from '../kit/saga';
import { ShownSearchAttributes } from '../kit/shown-search-attributes';
import { TimelineRecorder } from '../kit/timeline-recorder';
import { OutageTaskDesk } from './outage-task-desk';
import { channelsSellingStore, publishStock } from './publish-stock';
import { reviewAndCorrect, publishAndClose } from './review-phase';
import { takeInLateOrders } from './take-in-late-orders';

const {
  loadOutage,
  applyOutageMeasure,
  liftOutageMeasure,
  setOutageStatus,
  reconcileOutage,
  closeOutage,
  probeChannelHealth,
  openOutageChecklist,
  recordOutageTaskOutcome,
} = proxyActivities<
  Pick<
    Activities,
    | 'loadOutage'
    | 'applyOutageMeasure'
    | 'liftOutageMeasure'
    | 'setOutageStatus'
    | 'reconcileOutage'
    | 'closeOutage'
    | 'probeChannelHealth'
    | 'openOutageChecklist'
    | 'recordOutageTaskOutcome'
  >
>(activityProfiles.db);

/** Only the newest checks decide recovery; older ones are dropped so the state stays small. */
const CHECKS_KEPT = 20;
/** Store outages before this patch left closing listings to the next scheduled stock sync. */
const PROTECT_PUBLISH_PATCH = 'outage-protect-publish';

/**
 * One outage, from protection to its closing report (docs/outages.md). A channel that is down is marked
 * unhealthy (stock sync skips it); a store cut off holds back a share of its stock from every channel and
 * is not offered for pickup. The run then waits: for N healthy probes of the channel, or for a person to
 * end it. Recovery applies the offline journal to stock (set-based, ledger rows named after the
 * reconciliation), classifies what does not fit, lifts every measure it put in force (last first, each on
 * the timeline) and resolves the outage with its report.
 */
export async function handleOutage(input: HandleOutageInput): Promise<HandleOutageResult> {
  const { workflowId } = workflowInfo();
  const { outageId, settings } = input;
  const timeline = new TimelineRecorder();
  const shown = new ShownSearchAttributes([searchAttributes.currentStep]);
  const measures: OutageMeasure[] = [];
  let currentStep = 'PROTECTING';
  let ended: EndOutageRequest | null = null;
  const enter = (step: string) => {
    currentStep = step;
    shown.show([{ key: searchAttributes.currentStep, value: step }]);
  };
  setHandler(outageTimelineQuery, () => ({
    currentStep,
    openTask: desk.openTasks()[0] ?? null,
    entries: timeline.snapshot(),
    measures: [...measures],
  }));
  setHandler(endOutageSignal, (request) => {
    if (ended === null) ended = request;
  });
  // Runs started before the review, checklist and counts existed replay without them (test/histories/).
  const flow = patched(OUTAGE_FLOW_PATCH);
  const desk = new OutageTaskDesk();
  if (flow) {
    desk.install(async (request) => {
      await recordOutageTaskOutcome({
        taskId: request.taskId,
        outageId,
        actor: request.actor,
        outcome: request.outcome,
        requestId: request.requestId,
      });
      timeline.note(
        request.outcome.type,
        request.outcome.type === 'STOCK_COUNT' ? `${request.outcome.counts.length} SKUs counted` : 'acknowledged',
        request.actor.label,
      );
    });
    setHandler(stockCountRequestedSignal, (request) => {
      if (currentStep === 'PROTECTING' || currentStep === 'WAITING_FOR_RECOVERY')
        desk.expect(request.taskId, { type: 'STOCK_COUNT', skus: request.skus });
    });
  }

  enter('PROTECTING');
  const outage = await loadOutage({ outageId });
  const compensations = new Compensations<null>();
  const planned: OutageMeasure[] = outage.kind === 'CHANNEL' ? ['CHANNEL_MARKED_UNHEALTHY'] : ['STORE_STOCK_HELD', 'STORE_PICKUP_PAUSED'];
  for (const measure of planned) {
    await applyOutageMeasure({ outageId, measure, holdPercent: settings.storeHoldPercent });
    measures.push(measure);
    timeline.note(measure, 'in force', OUTAGE_ACTOR.label);
    compensations.add({
      name: measure,
      undo: async () => {
        await liftOutageMeasure({ outageId, measure });
        measures.splice(measures.indexOf(measure), 1);
        timeline.note(measure, 'lifted', OUTAGE_ACTOR.label);
      },
    });
  }

  if (flow && outage.kind === 'STORE' && outage.storeCode !== null && outage.storeId !== null) {
    const { taskId } = await openOutageChecklist({
      outageId,
      workflowId,
      taskId: uuid4(),
      storeCode: outage.storeCode,
      storeId: outage.storeId,
    });
    desk.expect(taskId, { type: 'OUTAGE_CHECKLIST' });
    timeline.note('OUTAGE_CHECKLIST', 'opened for the store manager', OUTAGE_ACTOR.label);
  }
  if (flow && outage.kind === 'STORE' && outage.storeId !== null && patched(PROTECT_PUBLISH_PATCH)) {
    // The held-back stock goes out now, not at the next scheduled sync: listings at the threshold close.
    const closing = timeline.begin('STORE_LISTINGS_CLOSED', OUTAGE_ACTOR.label);
    const channelCodes = await channelsSellingStore(outage.storeId);
    timeline.end(closing, await publishStock({ childId: `outage-protect:${outageId}`, channelCodes, settings }));
  }

  enter('WAITING_FOR_RECOVERY');
  const waiting = timeline.begin('WAITING_FOR_RECOVERY');
  let endedBy = OUTAGE_ACTOR.label;
  let reason = 'channel answered again';
  if (outage.kind === 'CHANNEL' && outage.channelCode !== null) {
    const checks: HealthCheck[] = [];
    while (ended === null) {
      if (await condition(() => ended !== null, settings.healthCheckIntervalMs)) break;
      const probe = await probeChannelHealth({ channelCode: outage.channelCode });
      checks.push({ probeOk: probe.healthy, pushes: 0, failedPushes: 0 });
      if (checks.length > CHECKS_KEPT) checks.shift();
      if (hasRecovered(checks, settings.detection)) break;
    }
  } else {
    await condition(() => ended !== null);
  }
  const endedByPerson = ended as EndOutageRequest | null;
  if (endedByPerson !== null) {
    endedBy = endedByPerson.actor.label;
    reason = endedByPerson.reason;
  }
  timeline.end(waiting, reason, endedBy);

  enter('RECONCILING');
  await setOutageStatus({ outageId, status: 'RECONCILING' });
  const reconciling = timeline.begin('RECONCILING', OUTAGE_ACTOR.label);
  const reconciliation = await reconcileOutage({ outageId, workflowId });
  timeline.end(
    reconciling,
    `${reconciliation.offlineSalesApplied} offline sales applied (${reconciliation.linesApplied} SKU lines), ` +
      `${reconciliation.discrepancies} discrepancies, ${reconciliation.doubleSales} double sales`,
  );
  const lateOrders = await takeInLateOrders({
    outage,
    workflowId,
    reconciliationId: reconciliation.reconciliationId,
    settings,
    timeline,
    enter,
  });

  if (flow) {
    const corrected = await reviewAndCorrect({
      outageId,
      workflowId,
      settings,
      reconciliationId: reconciliation.reconciliationId,
      timeline,
      enter,
      desk,
    });
    enter('LIFTING_MEASURES');
    const { failed } = await compensations.runAll(null);
    for (const failure of failed) timeline.note(failure.name, `could not be lifted: ${failure.message}`, OUTAGE_ACTOR.label);
    await publishAndClose({ outage, workflowId, settings, timeline, enter, endedBy: endedByPerson?.actor ?? OUTAGE_ACTOR, reason });
    timeline.note('RESOLVED', reason, endedBy);
    return { status: 'RESOLVED', endedBy, reconciliation, corrections: corrected, ...(lateOrders !== null && { lateOrders }) };
  }

  enter('LIFTING_MEASURES');
  const { failed } = await compensations.runAll(null);
  for (const failure of failed) timeline.note(failure.name, `could not be lifted: ${failure.message}`, OUTAGE_ACTOR.label);

  await closeOutage({ outageId, workflowId, endedBy: endedByPerson?.actor ?? OUTAGE_ACTOR, reason });
  enter('RESOLVED');
  timeline.note('RESOLVED', reason, endedBy);
  return { status: 'RESOLVED', endedBy, reconciliation };
}
