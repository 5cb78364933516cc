import { returnDeadline } from './return-window';

/** Why a requested return line is refused; each comes with a sentence for the clerk. */
export type LineRefusal =
  | 'UNKNOWN_LINE'
  | 'DUPLICATE_LINE'
  | 'INVALID_QUANTITY'
  | 'NOT_DELIVERED'
  | 'FINAL_SALE'
  | 'NOTHING_LEFT_TO_RETURN'
  | 'MORE_THAN_RETURNABLE'
  | 'OUTSIDE_WINDOW';

/** One order line as eligibility sees it. */
export interface ReturnableLine {
  lineId: string;
  sku: string;
  category: string;
  /** The line has reached the customer (status FULFILLED: delivered or collected). */
  delivered: boolean;
  /** Units the customer received (sold less what a pick came short). */
  deliveredQuantity: number;
  /** Units already returned or in returns that are still open (not cancelled or rejected). */
  returnedOrInOpenReturns: number;
  finalSale: boolean;
}

export interface ReturnPolicy {
  /** The zone the window's calendar days are counted in (the order's store or the channel's market). */
  timeZone: string;
  /** Days a channel allows, by channel code; a category's rule applies too, the shorter wins. */
  channelWindowDays: Readonly<Record<string, number>>;
  categoryWindowDays: Readonly<Record<string, number>>;
  /** When neither the channel nor the category names a window. */
  defaultWindowDays: number;
}

export interface EligibilityRequest {
  channelCode: string;
  /** When the order was delivered or collected; null while it has not reached the customer. */
  deliveredAt: Date | null;
  lines: readonly ReturnableLine[];
  requested: readonly { lineId: string; quantity: number }[];
  /** A manager-visible reason to take a return back after its window; it then needs approval. */
  overrideReason?: string | undefined;
  now: Date;
}

export interface AcceptedLine {
  lineId: string;
  quantity: number;
  deadline: Date;
  /** Past its window, accepted only because an override reason was given (approval required). */
  outsideWindow: boolean;
}

export interface RefusedLine {
  /** The index of the request line, so a form can mark it (`lines.2.quantity`). */
  index: number;
  lineId: string;
  refusal: LineRefusal;
  message: string;
}

export interface Eligibility {
  accepted: AcceptedLine[];
  refused: RefusedLine[];
}

/** The window that applies to a line: the shorter of its channel's and its category's, else the default. */
export function windowDaysFor(policy: ReturnPolicy, channelCode: string, category: string): number {
  const rules = [policy.channelWindowDays[channelCode], policy.categoryWindowDays[category]].filter(
    (days): days is number => days !== undefined,
  );
  return rules.length === 0 ? policy.defaultWindowDays : Math.min(...rules);
}

/**
 * Decides every requested line at once, so the clerk sees all refusals together and a return is either
 * wholly acceptable (nothing refused) or nothing is written. The database re-checks the quantity under a
 * lock (order_lines.returned_quantity), because two counters can pass this check at the same moment.
 */
export function checkEligibility(request: EligibilityRequest, policy: ReturnPolicy): Eligibility {
  const byId = new Map(request.lines.map((line) => [line.lineId, line]));
  const seen = new Set<string>();
  const overridden = (request.overrideReason ?? '').trim().length > 0;
  const accepted: AcceptedLine[] = [];
  const refused: RefusedLine[] = [];

  request.requested.forEach(({ lineId, quantity }, index) => {
    const refuse = (refusal: LineRefusal, message: string) => refused.push({ index, lineId, refusal, message });
    const line = byId.get(lineId);
    if (line === undefined) return refuse('UNKNOWN_LINE', 'this line is not on the order');
    if (seen.has(lineId)) return refuse('DUPLICATE_LINE', 'the line is asked for twice; give one quantity');
    seen.add(lineId);
    if (!Number.isInteger(quantity) || quantity <= 0) return refuse('INVALID_QUANTITY', 'return at least one whole unit');
    if (!line.delivered || request.deliveredAt === null)
      return refuse('NOT_DELIVERED', `${line.sku} has not reached the customer yet; cancel the order instead`);
    if (line.finalSale) return refuse('FINAL_SALE', `${line.sku} was sold as final sale and cannot be returned`);
    const returnable = line.deliveredQuantity - line.returnedOrInOpenReturns;
    if (returnable <= 0) return refuse('NOTHING_LEFT_TO_RETURN', `every unit of ${line.sku} is already returned or in an open return`);
    if (quantity > returnable)
      return refuse('MORE_THAN_RETURNABLE', `only ${returnable} of ${line.sku} can still be returned (asked ${quantity})`);
    const days = windowDaysFor(policy, request.channelCode, line.category);
    const deadline = returnDeadline(request.deliveredAt, days, policy.timeZone);
    const outsideWindow = request.now.getTime() > deadline.getTime();
    if (outsideWindow && !overridden)
      return refuse(
        'OUTSIDE_WINDOW',
        `the ${days}-day return window of ${line.sku} ended ${deadline.toISOString()}; give an override reason to ask a manager`,
      );
    accepted.push({ lineId, quantity, deadline, outsideWindow });
  });

  if (request.requested.length === 0)
    refused.push({ index: 0, lineId: '', refusal: 'INVALID_QUANTITY', message: 'pick at least one line' });
  return { accepted, refused };
}
