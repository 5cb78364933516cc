import { type RaRecord } from 'react-admin';

/** A return as GET /api/returns and /api/returns/:id answer it (api/routes/returns/returns.validators.ts). */
export interface ReturnRecord extends RaRecord<string> {
  orderId: string;
  orderExternalId: string;
  channelCode: string;
  /** The order's customer: who gets the items back (a hand-back) or the refund. */
  customerName: string | null;
  status: ReturnStatus;
  reasonCode: string;
  reason: string;
  overrideReason: string | null;
  proofOfPurchase: boolean;
  approvalReasons: string[];
  /** ORIGINAL_PAYMENT, or for a till sale CASH / STORE_CREDIT as the customer chose. */
  refundMethod: string;
  /** A rejected return's items given back to the customer (the RETURN_HANDBACK task). */
  handedBackAt: string | null;
  receivedAtStoreId: string | null;
  storeCode: string | null;
  requestedByLabel: string;
  requestedByUserId: string | null;
  approvedByUserId: string | null;
  approvedAt: string | null;
  workflowId: string | null;
  currency: string;
  refundTotalMinor: number;
  lines: ReturnLineRecord[];
  createdAt: string;
  updatedAt: string;
}

export interface ReturnLineRecord {
  id: string;
  orderLineId: string;
  sku: string;
  productName: string;
  quantity: number;
  conditionSeen: string | null;
  condition: string | null;
  disposition: string | null;
  refundMinor: number;
  refundStatus: string | null;
  refundReference: string | null;
}

/** An order as the counter's search finds it (GET /api/returns/order-lookup). */
export interface ReturnableOrder {
  id: string;
  externalId: string;
  channelCode: string;
  status: string;
  placedAt: string;
  customerName: string | null;
  currency: string;
  /** Where its refund goes back: TILL sales let the customer choose cash or store credit. */
  refundRoute: 'CHANNEL' | 'PAYMENT_PROVIDER' | 'TILL';
  lines: ReturnableLine[];
}

export interface ReturnableLine {
  id: string;
  sku: string;
  name: string;
  quantity: number;
  returnedQuantity: number;
  deliveredQuantity: number;
  unitPriceMinor: number;
  status: string;
}

/** In the order a return normally moves (docs/returns.md, "States"). */
export const returnStatuses = [
  'REQUESTED',
  'RECEIVED',
  'INSPECTED',
  'AWAITING_APPROVAL',
  'APPROVED',
  'REFUND_PENDING',
  'REFUNDED',
  'CLOSED',
  'REJECTED',
  'CANCELLED',
] as const;
export type ReturnStatus = (typeof returnStatuses)[number];

/**
 * The list's tabs: where a return waits for someone, then how it ended (APPROVED lasts a moment only).
 * REQUESTED is where a return the customer started on a channel waits until they bring it to a store.
 */
export const returnStatusTabs = [
  'REQUESTED',
  'RECEIVED',
  'AWAITING_APPROVAL',
  'REFUND_PENDING',
  'CLOSED',
  'REJECTED',
  'CANCELLED',
] as const satisfies readonly ReturnStatus[];

export const returnReasons = ['DOES_NOT_FIT', 'NOT_AS_DESCRIBED', 'DEFECTIVE', 'DAMAGED_IN_TRANSIT', 'WRONG_ITEM', 'CHANGED_MIND', 'OTHER'];
export const itemGrades = ['UNOPENED', 'AS_NEW', 'USED', 'DAMAGED', 'DEFECTIVE'];
export const dispositions = ['RESTOCK', 'WRITE_OFF'];
export const approvalReasonCodes = ['REFUND_ABOVE_THRESHOLD', 'OUTSIDE_WINDOW_OVERRIDE', 'NO_PROOF_OF_PURCHASE'];

const choicesOf = (ids: readonly string[], prefix: string) => ids.map((id) => ({ id, name: `omni.return.${prefix}.${id}` }));
export const returnStatusChoices = choicesOf(returnStatuses, 'status');
export const returnReasonChoices = choicesOf(returnReasons, 'reason_code');
export const itemGradeChoices = choicesOf(itemGrades, 'grade');
export const dispositionChoices = choicesOf(dispositions, 'disposition');
export const refundMethodChoices = choicesOf(['ORIGINAL_PAYMENT', 'CASH', 'STORE_CREDIT'], 'refund_method');
export const refundStatusChoices = choicesOf(['PENDING', 'SUCCEEDED', 'FAILED'], 'refund_status');

/** Statuses after which nothing about the return changes by itself any more. */
const settledStatuses: ReadonlySet<string> = new Set(['CLOSED', 'REJECTED', 'CANCELLED']);
export const isSettled = (record: Pick<ReturnRecord, 'status'> | undefined): boolean =>
  record !== undefined && settledStatuses.has(record.status);

/** A return the customer started on a channel that no store has taken in yet (POST /api/returns/:id/receive). */
export const awaitsReceiving = (record: Pick<ReturnRecord, 'status' | 'receivedAtStoreId'> | undefined): boolean =>
  record?.status === 'REQUESTED' && record.receivedAtStoreId === null;

/** Order statuses in which the customer has the goods, so something can come back (the API decides per line). */
const returnableOrderStatuses: ReadonlySet<string> = new Set(['COLLECTED', 'SHIPPED', 'COMPLETED', 'PARTIALLY_RETURNED']);
export const mayHoldReturnableItems = (order: { status: string } | undefined): boolean =>
  order !== undefined && returnableOrderStatuses.has(order.status);

/** Units of a line the customer can still bring back: what they received less what returns hold. */
export const returnableUnits = (line: Pick<ReturnableLine, 'deliveredQuantity' | 'returnedQuantity'>): number =>
  Math.max(0, line.deliveredQuantity - line.returnedQuantity);
