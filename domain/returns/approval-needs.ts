/** Why a return waits for the receiving store's manager (four-eyes, the kit's approvals) before refunding. */
export type ReturnApprovalReason = 'REFUND_ABOVE_THRESHOLD' | 'OUTSIDE_WINDOW_OVERRIDE' | 'NO_PROOF_OF_PURCHASE';

export interface ApprovalNeedsInput {
  refundTotalMinor: number;
  /** The receiving store's limit: a refund above it (not at it) needs a manager. */
  storeThresholdMinor: number;
  /** Some line is past its window and was accepted on an override reason. */
  anyLineOutsideWindow: boolean;
  /** The customer showed a receipt, the order confirmation, or the order was found by its number. */
  proofOfPurchase: boolean;
}

/** Every reason that applies, in a fixed order (empty: the return refunds without approval). */
export function approvalReasons(input: ApprovalNeedsInput): ReturnApprovalReason[] {
  const reasons: ReturnApprovalReason[] = [];
  if (input.refundTotalMinor > input.storeThresholdMinor) reasons.push('REFUND_ABOVE_THRESHOLD');
  if (input.anyLineOutsideWindow) reasons.push('OUTSIDE_WINDOW_OVERRIDE');
  if (!input.proofOfPurchase) reasons.push('NO_PROOF_OF_PURCHASE');
  return reasons;
}
