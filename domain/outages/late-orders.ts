/**
 * Orders a channel took while it was down whose webhooks never reached us (issue 12, recovery step 1): after
 * a channel outage the run lists the channel's orders from the outage's start (minus a margin) to now and
 * takes each one we do not have through order intake, one ORDER_MISSING discrepancy each (docs/outages.md).
 */

/** Runs started before the step replay without it (test/histories/). */
export const FETCH_LATE_ORDERS_PATCH = 'outage-fetch-late-orders';

/**
 * How far before the outage's detection the listing starts (OutageWorkflowSettings.lateOrdersMarginMs, from
 * OUTAGE_LATE_ORDERS_MARGIN_MS; this is its default):
 * a channel is down for a while before N failed checks open its outage, and its clock is not ours.
 */
export const DEFAULT_LATE_ORDERS_MARGIN_MS = 15 * 60_000;

/** Orders asked for per listing page (the sandbox answers at most 100). */
export const DEFAULT_LATE_ORDERS_PAGE_SIZE = 50;

/**
 * The region national phone numbers of fetched orders are read in when a run's settings name none
 * (lateOrdersPhoneRegion, from INTAKE_PHONE_REGION of the API or the worker; runs started before it was passed).
 */
export const DEFAULT_LATE_ORDERS_PHONE_REGION = 'NL';

/** Refused orders named in the result (ids only), so the history stays small whatever the channel sends. */
export const MAX_REFUSED_IDS_REPORTED = 20;

export interface FetchLateOrdersInput {
  outageId: string;
  workflowId: string;
  /** The outage run's reconciliation: the ORDER_MISSING rows are its. */
  reconciliationId: string;
  marginMs?: number;
  pageSize?: number;
  phoneRegion?: string;
}

/** Counts and ids only: never an order body in the history. */
export interface FetchLateOrdersResult {
  pages: number;
  /** Orders the channel listed in the window. */
  listed: number;
  /** Taken in now (or by an earlier attempt of this step): one ORDER_MISSING each. */
  takenIn: number;
  /** Their totals, minor units. */
  valueMinor: number;
  /** We had them already (their webhook arrived, late or not). */
  alreadyReceived: number;
  /** Intake refused them as it would refuse their webhook (unknown SKU or store, invalid data): left to a person. */
  refused: number;
  refusedExternalIds: string[];
  /**
   * Orders we had whose listing shows them cancelled at a newer sequence than ours (the cancellation's webhook was
   * lost): applied through intake as that webhook would have been. Absent in results of runs before it existed.
   */
  cancellationsApplied?: number;
}

export const noLateOrders: FetchLateOrdersResult = {
  pages: 0,
  listed: 0,
  takenIn: 0,
  valueMinor: 0,
  alreadyReceived: 0,
  refused: 0,
  refusedExternalIds: [],
  cancellationsApplied: 0,
};

/** Inbox event id of an order taken in from the listing: one per outage and order, so a retry is a duplicate. */
export function lateOrderEventId(outageId: string, externalId: string): string {
  return `late-order:${outageId}:${externalId}`;
}

/**
 * Inbox event id of a cancellation read from the listing for an order we had: one per outage and order, so a
 * retry is a duplicate and the next outage's listing, at the same sequence, is stale.
 */
export function lateCancellationEventId(outageId: string, externalId: string): string {
  return `late-order:${outageId}:${externalId}:cancelled`;
}

const orders = (n: number) => `${n} order${n === 1 ? '' : 's'}`;

/** The LATE_ORDERS step's outcome on the outage's timeline. */
export function lateOrdersOutcome(result: FetchLateOrdersResult): string {
  const parts: string[] = [];
  if (result.takenIn > 0) parts.push(`${orders(result.takenIn)} fetched and taken in`);
  if (result.refused > 0)
    parts.push(`${orders(result.refused)} refused by intake (${result.refusedExternalIds.join(', ')}): for a person to check`);
  if (parts.length === 0) parts.push(result.listed === 0 ? 'no order missed: the channel listed none' : 'no order missed');
  const cancellations = result.cancellationsApplied ?? 0;
  if (cancellations > 0) parts.push(`${cancellations} cancellation${cancellations === 1 ? '' : 's'} applied`);
  return parts.join('; ');
}

/** When the listing failed: the outage goes on, and the next outage run or a person finds the orders. */
export function lateOrdersFailedOutcome(reason: string): string {
  return `could not list the channel's orders (${reason}): orders it took while down may still be missing`;
}
