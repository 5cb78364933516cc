import { type CallOptions, type WriteCallOptions } from '../channel-adapter';

/**
 * The payment service provider (PSP) behind our own web store's checkout: what the web store's orders
 * are refunded through. Like a ChannelAdapter, every call takes one object and returns one object,
 * every write carries the caller's business idempotency key (`refund:return:<returnId>:<lineId>`) so
 * a retried activity never pays twice, and failures are the channel errors
 * (channels/channel-errors.ts): ChannelUnavailableError / ChannelRateLimitedError (retry later),
 * ChannelRejectedError (the provider said no: a person must act), ChannelNotConfiguredError.
 */
export interface PaymentProvider {
  /** The provider's name as our payments table records it (`payments.provider`). */
  readonly providerCode: string;
  capture(input: CapturePaymentInput): Promise<ProviderPaymentResult>;
  /** The payments the provider holds for a merchant reference (the web store's order number), oldest first. */
  findPayments(input: FindPaymentsInput): Promise<ProviderPaymentResult[]>;
  refund(input: ProviderRefundInput): Promise<ProviderRefundResult>;
}

export interface CapturePaymentInput extends WriteCallOptions {
  reference: string;
  amount: number;
  currency: string;
}

export interface FindPaymentsInput extends CallOptions {
  reference: string;
}

export interface ProviderPaymentResult {
  paymentId: string;
  reference: string;
  amount: number;
  currency: string;
  capturedAmount: number;
  refundedAmount: number;
}

export interface ProviderRefundInput extends WriteCallOptions {
  /** The provider's payment id when our payment row has it; else the payment is found by `reference`. */
  paymentId: string | null;
  reference: string;
  amount: number;
  currency: string;
  reason?: string;
}

export interface ProviderRefundResult {
  refundId: string;
  paymentId: string;
  amount: number;
  currency: string;
}
