import { type PaymentStatus } from '../../prisma/generated/enums';

/**
 * Whether a payment has taken the customer's money, i.e. whether closing the order means a refund.
 * PENDING (pay at pickup or on delivery) and AUTHORIZED (a hold the provider releases) took nothing: they
 * are released, never refunded. A refund of them would ask a channel to return money it never had
 * (issue 8: the web channel answered 404 ORDER_NOT_FOUND).
 */
export function moneyWasTaken(status: PaymentStatus): boolean {
  return status === 'CAPTURED' || status === 'PARTIALLY_REFUNDED' || status === 'REFUNDED';
}
