import { type RaRecord } from 'react-admin';
import { type Permissions } from '../auth/permissions';
import { minorFromTypedMoney } from '../shared/typed-money';

export const discrepancyStatuses = ['PENDING', 'AWAITING_SECOND_APPROVAL', 'AUTO_FIXED', 'APPROVED', 'REJECTED', 'APPLIED'] as const;
export type DiscrepancyStatus = (typeof discrepancyStatuses)[number];

export const discrepancyClassNames = ['OFFLINE_SALE', 'STOCK_DRIFT', 'PRICE_DRIFT', 'ORDER_MISSING', 'DOUBLE_SALE'] as const;

/** A person as the review names them: id and e-mail (the UI shows their name). */
export interface ReviewPerson {
  id: string;
  email: string;
}

/** A row of GET /api/discrepancies (api/routes/discrepancies/discrepancies.validators.ts). */
export interface DiscrepancyRecord extends RaRecord<string> {
  outageId: string;
  class: string;
  storeId: string | null;
  storeCode: string | null;
  channelId: string | null;
  channelCode: string | null;
  sku: string;
  productName: string;
  /** The three views side by side: the offline journal, our system, the channel or the shelf count (null: none). */
  journalQty: number | null;
  systemQty: number | null;
  channelQty: number | null;
  priceInSystemMinor: number | null;
  priceOnChannelMinor: number | null;
  /** The correction the diff proposed, in units on hand. */
  proposedDelta: number;
  /** A reviewer's edit of it (null: the proposal stands). */
  correctedDelta: number | null;
  /** The correction in force: edited or proposed. */
  correction: number;
  valueMinor: number;
  currency: string;
  status: DiscrepancyStatus;
  requiresFourEyes: boolean;
  decision: string | null;
  decisionStoreId: string | null;
  decisionReason: string | null;
  orderId: string | null;
  firstApprovedBy: ReviewPerson | null;
  firstApprovedAt: string | null;
  decidedBy: ReviewPerson | null;
  decidedAt: string | null;
  appliedAt: string | null;
  note: string | null;
}

/** What a decision answers: the discrepancy and what the outage's review still waits for. */
export interface DecidedDiscrepancy {
  discrepancy: DiscrepancyRecord;
  review: { pending: number; valueMinor: number; settled: boolean };
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

/**
 * A channel's price drift has prices where stock rows have units: in the System column the price the channel
 * should show (an active promotion's, what we published, or the base price), in the Channel column what its
 * read-back showed; the journal has none. Null: the row is not a price drift, so the column shows its units.
 */
export function priceInColumnOf(
  discrepancy: Pick<DiscrepancyRecord, 'class' | 'priceInSystemMinor' | 'priceOnChannelMinor'>,
  column: 'journalQty' | 'systemQty' | 'channelQty',
): { kind: 'expected' | 'shown' | 'none'; minor: number | null } | null {
  if (discrepancy.class !== 'PRICE_DRIFT') return null;
  if (column === 'systemQty') return { kind: 'expected', minor: discrepancy.priceInSystemMinor };
  if (column === 'channelQty') return { kind: 'shown', minor: discrepancy.priceOnChannelMinor };
  return { kind: 'none', minor: null };
}

export const correctionOf = (discrepancy: Pick<DiscrepancyRecord, 'proposedDelta' | 'correctedDelta'>): number =>
  discrepancy.correctedDelta ?? discrepancy.proposedDelta;

/** Head office reviews: admins and ops leads (mirrors the API's guard on the review routes). */
export const canReview = (permissions: Permissions | undefined): boolean =>
  permissions?.role === 'ADMIN' || permissions?.role === 'OPS_LEAD';

/** Why this person cannot give the approval now, or null when they can (four-eyes: not the first approver again). */
export function approvalBlockedBecause(
  permissions: Permissions | undefined,
  discrepancy: Pick<DiscrepancyRecord, 'status' | 'firstApprovedBy' | 'class'>,
): 'not_reviewer' | 'decided' | 'first_approver' | 'order_decision' | null {
  if (!canReview(permissions)) return 'not_reviewer';
  if (!isOpenForDecision(discrepancy)) return 'decided';
  if (isOrderDecision(discrepancy)) return 'order_decision';
  if (discrepancy.status === 'AWAITING_SECOND_APPROVAL' && discrepancy.firstApprovedBy?.id === permissions?.userId) return 'first_approver';
  return null;
}

/** What the list is filtered by, as the review's URL and filter form hold it. */
export interface DiscrepancyListFilter {
  outageId?: string;
  class?: string;
  storeId?: string;
  sku?: string;
  minValueMinor?: number;
  status?: string | string[];
}

/** The review's tabs, as the API's `status` filter (one status or several) takes them. */
export const reviewTabs = [
  { id: 'open', statuses: ['PENDING', 'AWAITING_SECOND_APPROVAL'] },
  { id: 'second', statuses: ['AWAITING_SECOND_APPROVAL'] },
  { id: 'decided', statuses: ['APPROVED', 'REJECTED', 'APPLIED'] },
  { id: 'auto', statuses: ['AUTO_FIXED'] },
  { id: 'all', statuses: [] },
] as const;

export type ReviewTab = (typeof reviewTabs)[number]['id'];

/** The tab a status filter is; null for one no tab stands for (the filter form's single status). */
export function reviewTabOf(status: string | string[] | undefined): ReviewTab | null {
  const chosen = status === undefined ? [] : Array.isArray(status) ? [...status].sort() : [status];
  const tab = reviewTabs.find((candidate) => [...candidate.statuses].sort().join() === chosen.join());
  return tab?.id ?? null;
}

/** The statuses still waiting for somebody: where a review task and the outage's report lead. */
export const openStatuses = ['PENDING', 'AWAITING_SECOND_APPROVAL'];

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

/** A money amount typed in the currency's main unit ("12,50", "150.000" rupiah) as minor units; null when it is not one (shared/typed-money.ts). */
export function minorFromTyped(typed: string, exponent: number): number | null {
  return minorFromTypedMoney(typed, exponent);
}
