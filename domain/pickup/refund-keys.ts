/**
 * Idempotency keys of the money we give back, from the order and the line, so each refund happens once
 * however often an activity runs: one for the units a pick came short (`...:short-pick`), one for
 * whatever is left when the order is cancelled or expires. A line can have both, never two of either.
 */
export type RefundCause = 'SHORT_PICK' | 'CANCELLED' | 'EXPIRED' | 'UNFULFILLABLE';

export function refundKey(orderId: string, lineId: string, cause: RefundCause): string {
  return cause === 'SHORT_PICK' ? `refund:${orderId}:${lineId}:short-pick` : `refund:${orderId}:${lineId}`;
}
