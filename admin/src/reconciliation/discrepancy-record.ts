import { type RaRecord } from 'react-admin';
import { type Permissions } from '../auth/permissions';

export const discrepancyStatuses = ['PENDING', 'AWAITING_SECOND_APPROVAL', 'AUTO_FIXED', 'APPROVED', 'REJECTED', 'APPLIED'] as const;
export type DiscrepancyStatus = (typeof discrepancyStatuses)[number];

export const discrepancyClassNames = ['OFFLINE_SALE', 'STOCK_DRIFT', 'PRICE_DRIFT', 'ORDER_MISSING', 'DOUBLE_SALE'] as const;

/** A row of GET /api/discrepancies (the contract with outage-flow, docs/outages.md). */
export interface DiscrepancyRecord extends RaRecord<string> {
  outageId: string | null;
  class: string;
  storeId: string | null;
  channelId: string | null;
  sku: string;
  productName?: string | null;
  /** The three views side by side: the offline journal, our system, the channel (null: that view has no number). */
  journalQty: number | null;
  systemQty: number | null;
  channelQty: number | null;
  /** The correction the diff proposed, in units on hand. */
  delta: number;
  /** A reviewer's edit of it (null: the proposal stands). */
  correctedDelta: number | null;
  valueMinor: number | null;
  currency?: string | null;
  status: DiscrepancyStatus;
  requiresFourEyes?: boolean;
  firstApprovedBy?: string | null;
  firstApprovedAt?: string | null;
  resolvedByUserId?: string | null;
  resolvedAt?: string | null;
  decision?: string | null;
  decisionReason?: string | null;
  decisionStoreId?: string | null;
  orderId?: string | null;
  priceInSystem?: number | null;
  priceOnChannel?: number | null;
}

export const discrepancyStatusChoices = discrepancyStatuses.map((id) => ({ id, name: `omni.discrepancy.status.${id}` }));
export const discrepancyClassChoices = discrepancyClassNames.map((id) => ({ id, name: `omni.discrepancy.class.${id}` }));

/** Double sales are decided for their order (another store fulfils it, or it is cancelled and refunded). */
export const isOrderDecision = (discrepancy: Pick<DiscrepancyRecord, 'class'>): boolean => discrepancy.class === 'DOUBLE_SALE';

/** Only a stock correction can be edited before approving (the API refuses an edit of anything else). */
export const isEditableCorrection = (discrepancy: Pick<DiscrepancyRecord, 'class' | 'status'>): boolean =>
  discrepancy.class === 'STOCK_DRIFT' && discrepancy.status === 'PENDING';

export const isOpenForDecision = (discrepancy: Pick<DiscrepancyRecord, 'status'>): boolean =>
  discrepancy.status === 'PENDING' || discrepancy.status === 'AWAITING_SECOND_APPROVAL';

export const correctionOf = (discrepancy: Pick<DiscrepancyRecord, 'delta' | 'correctedDelta'>): number =>
  discrepancy.correctedDelta ?? discrepancy.delta;

/** Reviewing is the admins' (mirrors the API's guard on the decision routes). */
export const canReview = (permissions: Permissions | undefined): boolean => permissions?.role === 'ADMIN';

/** Why this person cannot give the approval now, or null when they can (four-eyes: not the first approver again). */
export function approvalBlockedBecause(
  permissions: Permissions | undefined,
  discrepancy: Pick<DiscrepancyRecord, 'status' | 'firstApprovedBy' | 'class'>,
): 'not_reviewer' | 'decided' | 'first_approver' | 'order_decision' | null {
  if (!canReview(permissions)) return 'not_reviewer';
  if (!isOpenForDecision(discrepancy)) return 'decided';
  if (isOrderDecision(discrepancy)) return 'order_decision';
  if (discrepancy.status === 'AWAITING_SECOND_APPROVAL' && discrepancy.firstApprovedBy === permissions?.userId) return 'first_approver';
  return null;
}

/** What the list is filtered by, as the review's URL and filter form hold it. */
export interface DiscrepancyListFilter {
  outageId?: string;
  class?: string;
  storeId?: string;
  sku?: string;
  minValueMinor?: number;
  status?: string;
}

/** The body filter of POST /api/discrepancies/bulk-decision. */
export interface BulkDecisionFilter {
  outageId: string;
  class?: string;
  storeId?: string;
  sku?: string;
  maxValueMinor?: number;
}

/**
 * The bulk approval's filter from the list's current filters: it always names one outage (the API decides
 * within one reconciliation), takes class, store and SKU as the list shows them, and the value only as an
 * upper bound (what is small enough to approve without looking at each). A list narrowed by "value at least"
 * cannot be approved in bulk as shown, so that is reported instead of silently approving more.
 */
export function bulkFilterOf(
  filter: DiscrepancyListFilter,
  maxValueMinor: number | undefined,
): { filter: BulkDecisionFilter } | { problem: 'no_outage' | 'min_value' } {
  if (filter.outageId === undefined || filter.outageId === '') return { problem: 'no_outage' };
  if (filter.minValueMinor !== undefined) return { problem: 'min_value' };
  return {
    filter: {
      outageId: filter.outageId,
      ...(filter.class !== undefined && filter.class !== '' && { class: filter.class }),
      ...(filter.storeId !== undefined && filter.storeId !== '' && { storeId: filter.storeId }),
      ...(filter.sku !== undefined && filter.sku.trim() !== '' && { sku: filter.sku.trim() }),
      ...(maxValueMinor !== undefined && { maxValueMinor }),
    },
  };
}

/** A money amount typed in the currency's main unit ("12,50" or "12.50") as minor units; null when it is not one. */
export function minorFromTyped(typed: string, exponent: number): number | null {
  const normalized = typed.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(normalized)) return null;
  const [units = '0', fraction = ''] = normalized.split('.');
  if (fraction.length > exponent) return null;
  return Number(units) * 10 ** exponent + Number(fraction.padEnd(exponent, '0') || '0');
}
