import { patched, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { OutagePricePage } from '../../activities/outages/diff-outage-prices';
import type { AppliedPriceCorrections } from '../../activities/outages/apply-outage-price-corrections';
import { OUTAGE_ACTOR, type OutageWorkflowSettings } from '../../domain/outages/outage-workflow';
import { activityProfiles } from '../kit/activity-profiles';
import { type TimelineRecorder } from '../kit/timeline-recorder';

const { diffOutagePrices, applyOutagePriceCorrections } = proxyActivities<
  Pick<Activities, 'diffOutagePrices' | 'applyOutagePriceCorrections'>
>(activityProfiles.channelPush);

/** Runs started before the price diff replay without it (test/histories/). */
export const OUTAGE_PRICE_DRIFT_PATCH = 'outage-price-drift';

/** Defaults of runs whose settings predate the price diff's (never in runs of this flow's API). */
const DEFAULT_PRICE_TOLERANCE_MINOR = 100;
const DEFAULT_PRICE_PAGE_SIZE = 500;
const DEFAULT_READBACK_DELAY_MS = 5000;

export interface PriceDriftContext {
  outageId: string;
  workflowId: string;
  reconciliationId: string;
  settings: OutageWorkflowSettings;
  fourEyesAboveMinor: number;
  timeline: TimelineRecorder;
}

export interface PriceDriftSummary {
  /** False: the outage has no channel of its own to read (a store outage), so nothing is ever approved either. */
  channelRead: boolean;
  priceDrifts: number;
  pricesAutoFixed: number;
  toReview: number;
}

/**
 * The channel x SKU half of the diff (docs/outages.md, "Price drift"): the recovered channel's prices read
 * back page by page against what it should show; within tolerance re-pushed and verified, beyond it left
 * for the review. Only cursors and counts pass through history. Null: a run from before the price diff.
 */
export async function diffOutagePricesPhase(ctx: PriceDriftContext): Promise<PriceDriftSummary | null> {
  if (!patched(OUTAGE_PRICE_DRIFT_PATCH)) return null;
  const { settings } = ctx;
  const step = ctx.timeline.begin('PRICE_DRIFT', OUTAGE_ACTOR.label);
  const summary: PriceDriftSummary = { channelRead: true, priceDrifts: 0, pricesAutoFixed: 0, toReview: 0 };
  let checked = 0;
  let fourEyes = 0;
  let channelCode: string | null;
  let afterProductId: string | null = null;
  for (let pageNumber = 1; ; pageNumber += 1) {
    const page: OutagePricePage = await diffOutagePrices({
      outageId: ctx.outageId,
      reconciliationId: ctx.reconciliationId,
      workflowId: ctx.workflowId,
      pageNumber,
      afterProductId,
      pageSize: settings.pricePageSize ?? DEFAULT_PRICE_PAGE_SIZE,
      toleranceMinor: settings.priceToleranceMinor ?? DEFAULT_PRICE_TOLERANCE_MINOR,
      fourEyesAboveMinor: ctx.fourEyesAboveMinor,
      readBackDelayMs: settings.publishReadBackDelayMs ?? DEFAULT_READBACK_DELAY_MS,
    });
    if (page.skipped !== null) {
      ctx.timeline.end(step, `prices not read back: ${page.skipped}`);
      return { ...summary, channelRead: false };
    }
    channelCode = page.channelCode;
    checked += page.checked;
    fourEyes += page.fourEyes;
    summary.priceDrifts += page.drifts;
    summary.pricesAutoFixed += page.autoFixed;
    summary.toReview += page.toReview;
    if (!page.hasMore) break;
    afterProductId = page.lastProductId;
  }
  ctx.timeline.end(
    step,
    `${checked} prices read back on ${channelCode ?? 'the channel'}: ${summary.priceDrifts} differ, ` +
      `${summary.pricesAutoFixed} re-pushed and verified, ${summary.toReview} to review (${fourEyes} four-eyes)`,
  );
  return summary;
}

/** Pushes the approved price corrections to their channels and reads them back, page by page. */
export async function applyApprovedPrices(ctx: PriceDriftContext): Promise<{ applied: number; unverified: number }> {
  const total = { applied: 0, unverified: 0 };
  let afterDiscrepancyId: string | null = null;
  for (let pageNumber = 1; ; pageNumber += 1) {
    const page: AppliedPriceCorrections = await applyOutagePriceCorrections({
      outageId: ctx.outageId,
      reconciliationId: ctx.reconciliationId,
      workflowId: ctx.workflowId,
      pageNumber,
      afterDiscrepancyId,
      pageSize: ctx.settings.pricePageSize ?? DEFAULT_PRICE_PAGE_SIZE,
      readBackDelayMs: ctx.settings.publishReadBackDelayMs ?? DEFAULT_READBACK_DELAY_MS,
    });
    total.applied += page.applied;
    total.unverified += page.unverified;
    if (!page.hasMore) break;
    afterDiscrepancyId = page.lastDiscrepancyId;
  }
  if (total.applied + total.unverified > 0)
    ctx.timeline.note(
      'PRICE_DRIFT',
      `${total.applied} approved prices pushed and read back` + (total.unverified > 0 ? `, ${total.unverified} still shown otherwise` : ''),
      OUTAGE_ACTOR.label,
    );
  return total;
}
