/**
 * How a promotion is cancelled, by its status (docs/promotions.md, "Cancel"):
 * - `DIRECT`: nothing went live and nobody approved it yet (draft, pending approval): the promotion is
 *   cancelled at once and its run, waiting for an approval, is stopped; there is nothing to restore.
 * - `THROUGH_RUN`: approved, scheduled or live: the run takes the `promotionCancelled` signal; before the
 *   start it never goes live, once live it restores every channel to its snapshot and verifies by read-back.
 * - `refused`: it is over (or being restored already): a 409 with the sentence a person reads.
 */
export type PromotionCancellation = { kind: 'DIRECT' } | { kind: 'THROUGH_RUN' } | { kind: 'REFUSED'; message: string };

const REFUSALS: Record<string, string> = {
  ENDED: 'This promotion has ended already: there is nothing to cancel',
  CANCELLED: 'This promotion is cancelled already',
  FAILED: 'This promotion was rolled back already: there is nothing to cancel',
  REJECTED: 'This promotion was rejected: it never went live, there is nothing to cancel',
  ROLLING_BACK: 'This promotion is being restored already: its prices are going back to the snapshot',
};

export function promotionCancellation(status: string): PromotionCancellation {
  const refusal = REFUSALS[status];
  if (refusal !== undefined) return { kind: 'REFUSED', message: refusal };
  if (status === 'DRAFT' || status === 'PENDING_APPROVAL') return { kind: 'DIRECT' };
  return { kind: 'THROUGH_RUN' };
}
