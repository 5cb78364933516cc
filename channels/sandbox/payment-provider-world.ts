import { randomUUID } from 'node:crypto';
import { type WirePaymentStatus, type WireProviderPayment, type WireProviderRefund } from '../payments/payment-wire-format';
import { noPaymentFaults, type PaymentFaults } from './payment-faults';

/** Name of the payment provider in the event log and in idempotency scopes (no channel is called that). */
export const PAYMENTS_CODE = 'payments';

export interface ProviderPayment {
  paymentId: string;
  reference: string;
  amount: number;
  currency: string;
  capturedAmount: number;
  refunds: WireProviderRefund[];
  createdAt: string;
}

export type RefundDecision =
  { ok: true; refund: WireProviderRefund; replayed: boolean } | { ok: false; status: number; code: string; message: string };

/**
 * The payment service provider of the demo web store: payments it took (authorized, captured), the
 * refunds it paid out (the refund log a test or an operator reads), the faults it is told to show and
 * its API key. In memory, like the channels: it is the outside world.
 */
export class PaymentProviderWorld {
  readonly code = PAYMENTS_CODE;
  faults: PaymentFaults = { ...noPaymentFaults };
  readonly payments = new Map<string, ProviderPayment>();

  constructor(readonly apiKey: string) {}

  create(input: { amount: number; currency: string; reference: string; capture: boolean }): ProviderPayment {
    const payment: ProviderPayment = {
      paymentId: `pay_${randomUUID()}`,
      reference: input.reference,
      amount: input.amount,
      currency: input.currency,
      capturedAmount: input.capture ? input.amount : 0,
      refunds: [],
      createdAt: new Date().toISOString(),
    };
    this.payments.set(payment.paymentId, payment);
    return payment;
  }

  byReference(reference: string): ProviderPayment[] {
    return [...this.payments.values()].filter((payment) => payment.reference === reference);
  }

  /**
   * Pays a refund back once per key: the same key for the same amount answers the refund already made
   * (kept on the payment, so it holds even when the idempotency store forgot the key), a different
   * amount is refused, and nothing is refunded beyond what was captured.
   */
  refund(payment: ProviderPayment, input: { amount: number; currency: string; reason?: string | undefined }, key: string): RefundDecision {
    const earlier = payment.refunds.find((refund) => refund.idempotencyKey === key);
    if (earlier) {
      if (earlier.amount !== input.amount || earlier.currency !== input.currency)
        return { ok: false, status: 422, code: 'IDEMPOTENCY_KEY_REUSED', message: `refund key "${key}" was used for a different amount` };
      return { ok: true, refund: earlier, replayed: true };
    }
    if (this.faults.declineRefunds)
      return { ok: false, status: 422, code: 'REFUND_DECLINED', message: 'the acquirer declined the refund (injected)' };
    if (payment.capturedAmount === 0)
      return { ok: false, status: 422, code: 'PAYMENT_NOT_CAPTURED', message: `payment ${payment.paymentId} was never captured` };
    if (input.currency !== payment.currency)
      return { ok: false, status: 422, code: 'CURRENCY_MISMATCH', message: `payment ${payment.paymentId} is in ${payment.currency}` };
    const refundable = payment.capturedAmount - refundedOf(payment);
    if (input.amount > refundable)
      return {
        ok: false,
        status: 422,
        code: 'REFUND_EXCEEDS_CAPTURE',
        message: `at most ${refundable} can still be refunded on payment ${payment.paymentId}`,
      };
    const refund: WireProviderRefund = {
      refundId: `rf_${randomUUID()}`,
      paymentId: payment.paymentId,
      reference: payment.reference,
      amount: input.amount,
      currency: input.currency,
      status: 'SUCCEEDED',
      idempotencyKey: key,
      reason: input.reason ?? null,
      createdAt: new Date().toISOString(),
    };
    payment.refunds.push(refund);
    return { ok: true, refund, replayed: false };
  }

  /** Every refund paid out, oldest first: what the provider's dashboard lists. */
  refundLog(filter: { reference?: string | undefined; paymentId?: string | undefined; idempotencyKey?: string | undefined }) {
    return [...this.payments.values()]
      .flatMap((payment) => payment.refunds)
      .filter(
        (refund) =>
          (filter.reference === undefined || refund.reference === filter.reference) &&
          (filter.paymentId === undefined || refund.paymentId === filter.paymentId) &&
          (filter.idempotencyKey === undefined || refund.idempotencyKey === filter.idempotencyKey),
      )
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  reset(): void {
    this.payments.clear();
    this.faults = { ...noPaymentFaults };
  }
}

export function refundedOf(payment: ProviderPayment): number {
  return payment.refunds.reduce((sum, refund) => sum + refund.amount, 0);
}

function statusOf(payment: ProviderPayment): WirePaymentStatus {
  if (payment.capturedAmount === 0) return 'AUTHORIZED';
  const refunded = refundedOf(payment);
  if (refunded === 0) return 'CAPTURED';
  return refunded >= payment.capturedAmount ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
}

export function paymentView(payment: ProviderPayment): WireProviderPayment {
  return {
    paymentId: payment.paymentId,
    reference: payment.reference,
    amount: payment.amount,
    currency: payment.currency,
    status: statusOf(payment),
    capturedAmount: payment.capturedAmount,
    refundedAmount: refundedOf(payment),
    refunds: payment.refunds,
    createdAt: payment.createdAt,
  };
}
