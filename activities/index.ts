import { createEscalateApproval } from './approvals/escalate-approval';
import { createOpenApprovalRequest } from './approvals/open-approval-request';
import { createCloseStockSyncRun } from './channels/close-stock-sync-run';
import { createListStockSyncChannels } from './channels/list-stock-sync-channels';
import { createOpenStockSyncRun } from './channels/open-stock-sync-run';
import { createProbeChannelHealth } from './channels/probe-channel-health';
import { createPushStockPage } from './channels/push-stock-page';
import { createVerifyStockPage } from './channels/verify-stock-page';
import { type ActivityDeps } from './deps';
import { createAdjustStock } from './inventory/adjust-stock';
import { createConsumeStock } from './inventory/consume-stock';
import { createReleaseStock } from './inventory/release-stock';
import { createReserveStock } from './inventory/reserve-stock';
import { createSendNotification } from './notifications/send-notification';
import { createCloseOutage, createSetOutageStatus } from './outages/close-outage';
import { createLoadOutage } from './outages/load-outage';
import { createListChannelsSellingStoreStock } from './outages/channels-selling-store-stock';
import { createApplyOutageMeasure, createLiftOutageMeasure } from './outages/outage-measures';
import { createReconcileOutage } from './outages/reconcile-outage';
import { createApplyOutageCorrections, createSettleCancelledDoubleSale } from './outages/apply-outage-corrections';
import { createDiffOutageStock } from './outages/diff-outage-stock';
import { createDiffOutagePrices } from './outages/diff-outage-prices';
import { createApplyOutagePriceCorrections } from './outages/apply-outage-price-corrections';
import { createFetchLateOrders } from './outages/fetch-late-orders';
import { createCheckChannelHealth, createListWatchedChannels } from './outages/check-channel-health';
import { createOpenDetectedOutage, createRecordDetectedOutageStarted } from './outages/open-detected-outage';
import { createCountOutageReview, createFinishOutageReview, createOpenOutageReview } from './outages/outage-review';
import { createCloseOutageTasks, createOpenOutageChecklist, createRecordOutageTaskOutcome } from './outages/outage-tasks';
import { createPickupActivities } from './pickup/pickup-activities';
import { createLoadPromotion } from './promotions/load-promotion';
import { createOpenPromotionDecision } from './promotions/open-promotion-decision';
import { createOpenShelfLabelTasks, createPlanShelfLabels } from './promotions/shelf-label-tasks';
import { createPushPromotionPage } from './promotions/push-promotion-page';
import { createSetPromotionStatus } from './promotions/set-promotion-status';
import { createLoadStockAdjustment } from './stock-adjustments/load-stock-adjustment';
import { createSetStockAdjustmentStatus } from './stock-adjustments/set-stock-adjustment-status';
import { createReturnActivities } from './returns/return-activities';
import { createAdjustStockCountLine } from './stock-counts/adjust-stock-count-line';
import { createOpenStockCountAdjustment } from './stock-counts/open-stock-count-adjustment';
import { createRecordStockCount } from './stock-counts/record-stock-count';
import { createSettleStockCount } from './stock-counts/settle-stock-count';
import { createReadDatabaseClock } from './system/read-database-clock';
import { createReadBackProductPrices } from './price-consistency/read-back-product-prices';

/**
 * Builds every activity the worker registers from its injected dependencies. Workflows import the
 * *type* of this object (`import type { Activities }`) for proxyActivities, never its code.
 */
export function createActivities(deps: ActivityDeps) {
  return {
    readDatabaseClock: createReadDatabaseClock(deps),
    listStockSyncChannels: createListStockSyncChannels(deps),
    probeChannelHealth: createProbeChannelHealth(deps),
    openStockSyncRun: createOpenStockSyncRun(deps),
    closeStockSyncRun: createCloseStockSyncRun(deps),
    pushStockPage: createPushStockPage(deps),
    verifyStockPage: createVerifyStockPage(deps),
    reserveStock: createReserveStock(deps, deps.inventory),
    releaseStock: createReleaseStock(deps, deps.inventory),
    consumeStock: createConsumeStock(deps, deps.inventory),
    adjustStock: createAdjustStock(deps, deps.inventory),
    ...createPickupActivities(deps),
    sendNotification: createSendNotification(deps),
    openApprovalRequest: createOpenApprovalRequest(deps),
    escalateApproval: createEscalateApproval(deps),
    loadStockAdjustment: createLoadStockAdjustment(deps),
    setStockAdjustmentStatus: createSetStockAdjustmentStatus(deps),
    loadPromotion: createLoadPromotion(deps),
    setPromotionStatus: createSetPromotionStatus(deps),
    pushPromotionPage: createPushPromotionPage(deps),
    openPromotionDecision: createOpenPromotionDecision(deps),
    planShelfLabels: createPlanShelfLabels(deps),
    openShelfLabelTasks: createOpenShelfLabelTasks(deps),
    ...createReturnActivities(deps),
    loadOutage: createLoadOutage(deps),
    applyOutageMeasure: createApplyOutageMeasure(deps),
    liftOutageMeasure: createLiftOutageMeasure(deps),
    setOutageStatus: createSetOutageStatus(deps),
    reconcileOutage: createReconcileOutage(deps),
    closeOutage: createCloseOutage(deps),
    listChannelsSellingStoreStock: createListChannelsSellingStoreStock(deps),
    diffOutageStock: createDiffOutageStock(deps),
    diffOutagePrices: createDiffOutagePrices(deps),
    applyOutagePriceCorrections: createApplyOutagePriceCorrections(deps),
    fetchLateOrders: createFetchLateOrders(deps),
    openOutageReview: createOpenOutageReview(deps),
    countOutageReview: createCountOutageReview(deps),
    finishOutageReview: createFinishOutageReview(deps),
    applyOutageCorrections: createApplyOutageCorrections(deps),
    settleCancelledDoubleSale: createSettleCancelledDoubleSale(deps),
    openOutageChecklist: createOpenOutageChecklist(deps),
    recordOutageTaskOutcome: createRecordOutageTaskOutcome(deps),
    closeOutageTasks: createCloseOutageTasks(deps),
    listWatchedChannels: createListWatchedChannels(deps),
    checkChannelHealth: createCheckChannelHealth(deps),
    openDetectedOutage: createOpenDetectedOutage(deps),
    recordDetectedOutageStarted: createRecordDetectedOutageStarted(deps),
    readBackProductPrices: createReadBackProductPrices(deps),
    recordStockCount: createRecordStockCount(deps),
    adjustStockCountLine: createAdjustStockCountLine(deps, deps.inventory),
    openStockCountAdjustment: createOpenStockCountAdjustment(deps),
    settleStockCount: createSettleStockCount(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
export type { ActivityDeps } from './deps';
