import { approvalReasons, type ReturnApprovalReason } from './approval-needs';
import { checkEligibility, type RefusedLine, type ReturnableLine, type ReturnPolicy } from './eligibility';
import { allocatePaidAmounts, refundForUnits } from './paid-amounts';

/** An order line as a return plans it: what eligibility needs, its price and what returns already hold. */
export interface PlannableLine extends ReturnableLine {
  soldQuantity: number;
  unitPriceMinor: number;
  lineDiscountMinor: number;
  /** What the line's returns that are not cancelled or rejected refund together (their units are returnedOrInOpenReturns). */
  refundInReturnsMinor: number;
}

export interface ReturnPlanRequest {
  channelCode: string;
  deliveredAt: Date | null;
  lines: readonly PlannableLine[];
  orderDiscountMinor: number;
  requested: readonly { lineId: string; quantity: number }[];
  overrideReason?: string | undefined;
  proofOfPurchase: boolean;
  /** The receiving store's approval threshold. */
  storeThresholdMinor: number;
  now: Date;
}

export interface PlannedLine {
  lineId: string;
  quantity: number;
  refundMinor: number;
  outsideWindow: boolean;
}

export type ReturnPlan =
  | { ok: true; lines: PlannedLine[]; refundTotalMinor: number; approvalReasons: ReturnApprovalReason[] }
  | { ok: false; refused: RefusedLine[] };

/**
 * Everything a new return needs before anything is written: which lines may come back (else every
 * refusal), what each refunds, and why a manager must approve. A short-picked line was refunded its missing
 * units at the unit price by pickup, so its returns share what is left of its paid amount over the units
 * that were delivered.
 */
export function planReturn(request: ReturnPlanRequest, policy: ReturnPolicy): ReturnPlan {
  const eligibility = checkEligibility(request, policy);
  if (eligibility.refused.length > 0) return { ok: false, refused: eligibility.refused };

  const paid = allocatePaidAmounts(
    request.lines.map((line) => ({
      lineId: line.lineId,
      quantity: line.soldQuantity,
      unitPriceMinor: line.unitPriceMinor,
      lineDiscountMinor: line.lineDiscountMinor,
    })),
    request.orderDiscountMinor,
  );
  const paidById = new Map(paid.lines.map((line) => [line.lineId, line.paidMinor]));
  const byId = new Map(request.lines.map((line) => [line.lineId, line]));

  const lines = eligibility.accepted.map((accepted) => {
    const line = byId.get(accepted.lineId) as PlannableLine;
    const shortRefund = (line.soldQuantity - line.deliveredQuantity) * line.unitPriceMinor;
    const deliveredPaid = Math.max(0, (paidById.get(line.lineId) ?? 0) - shortRefund);
    const refundMinor = refundForUnits({
      linePaidMinor: deliveredPaid,
      lineQuantity: line.deliveredQuantity,
      unitsBefore: line.returnedOrInOpenReturns,
      amountBefore: Math.min(line.refundInReturnsMinor, deliveredPaid),
      units: accepted.quantity,
    });
    return { lineId: line.lineId, quantity: accepted.quantity, refundMinor, outsideWindow: accepted.outsideWindow };
  });
  const refundTotalMinor = lines.reduce((sum, line) => sum + line.refundMinor, 0);
  return {
    ok: true,
    lines,
    refundTotalMinor,
    approvalReasons: approvalReasons({
      refundTotalMinor,
      storeThresholdMinor: request.storeThresholdMinor,
      anyLineOutsideWindow: lines.some((line) => line.outsideWindow),
      proofOfPurchase: request.proofOfPurchase,
    }),
  };
}

/**
 * The order-level discount when only the lines' prices and the amount taken are known (intake records no
 * discounts yet): whatever the lines cost beyond what the customer paid. Paying more than the lines cost
 * (shipping, fees) is no discount.
 */
export function orderDiscountFromPayment(
  lines: readonly { quantity: number; unitPriceMinor: number; lineDiscountMinor: number }[],
  paidMinor: number,
): number {
  const net = lines.reduce((sum, line) => sum + BigInt(line.quantity) * BigInt(line.unitPriceMinor) - BigInt(line.lineDiscountMinor), 0n);
  const discount = net - BigInt(paidMinor);
  return discount > 0n ? Number(discount) : 0;
}
