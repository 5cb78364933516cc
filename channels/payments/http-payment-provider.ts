import { ChannelRejectedError } from '../channel-errors';
import { httpChannelProfileSchema } from '../http/channel-profile';
import { ChannelHttpClient, type ChannelHttpHooks } from '../http/channel-http-client';
import {
  type CapturePaymentInput,
  type FindPaymentsInput,
  type PaymentProvider,
  type ProviderPaymentResult,
  type ProviderRefundInput,
  type ProviderRefundResult,
} from './payment-provider';
import { type PaymentProviderSettings } from './payment-provider-settings';
import { paymentListSchema, providerPaymentSchema, providerRefundSchema, type WireProviderPayment } from './payment-wire-format';

function resultOf(payment: WireProviderPayment): ProviderPaymentResult {
  return {
    paymentId: payment.paymentId,
    reference: payment.reference,
    amount: payment.amount,
    currency: payment.currency,
    capturedAmount: payment.capturedAmount,
    refundedAmount: payment.refundedAmount,
  };
}

/**
 * PaymentProvider over the sandbox PSP's REST dialect (channels/payments/payment-wire-format.ts), on
 * the channels' HTTP transport: the same timeouts, 429 handling after Retry-After, one attempt per call
 * for unavailability (Temporal's activity retries own those) and the same typed errors.
 */
export class HttpPaymentProvider implements PaymentProvider {
  private readonly http: ChannelHttpClient;

  constructor(
    private readonly settings: PaymentProviderSettings,
    hooks: ChannelHttpHooks = {},
  ) {
    this.http = new ChannelHttpClient(
      httpChannelProfileSchema.parse({
        code: settings.providerCode,
        baseUrl: settings.baseUrl,
        apiKey: settings.apiKey,
        rateLimit: settings.rateLimit,
        maxBatchSize: 1,
        asyncJobs: false,
        timeouts: { requestMs: settings.requestTimeoutMs },
        retry: settings.retry,
      }),
      hooks,
    );
  }

  get providerCode(): string {
    return this.settings.providerCode;
  }

  async capture(input: CapturePaymentInput): Promise<ProviderPaymentResult> {
    const { body } = await this.http.send({
      method: 'POST',
      path: '/v1/payments',
      body: { amount: input.amount, currency: input.currency, reference: input.reference, capture: true },
      idempotencyKey: input.idempotencyKey,
      cost: 1,
      schema: providerPaymentSchema,
      signal: input.signal,
    });
    return resultOf(body);
  }

  async findPayments(input: FindPaymentsInput): Promise<ProviderPaymentResult[]> {
    const { body } = await this.http.send({
      method: 'GET',
      path: `/v1/payments?reference=${encodeURIComponent(input.reference)}`,
      cost: 1,
      schema: paymentListSchema,
      signal: input.signal,
    });
    return body.payments.map(resultOf).sort((a, b) => a.paymentId.localeCompare(b.paymentId));
  }

  async refund(input: ProviderRefundInput): Promise<ProviderRefundResult> {
    const paymentId = input.paymentId ?? (await this.paymentIdFor(input));
    const { body } = await this.http.send({
      method: 'POST',
      path: `/v1/payments/${encodeURIComponent(paymentId)}/refunds`,
      body: { amount: input.amount, currency: input.currency, ...(input.reason !== undefined && { reason: input.reason }) },
      idempotencyKey: input.idempotencyKey,
      cost: 1,
      schema: providerRefundSchema,
      signal: input.signal,
    });
    return { refundId: body.refundId, paymentId: body.paymentId, amount: body.amount, currency: body.currency };
  }

  /** A web order taken through the channel's webhook names no provider payment: the one captured under its order number. */
  private async paymentIdFor(input: ProviderRefundInput): Promise<string> {
    const captured = (await this.findPayments(input)).filter(
      (payment) => payment.capturedAmount > 0 && payment.currency === input.currency,
    );
    const payment = captured[0];
    if (payment === undefined || captured.length > 1)
      throw new ChannelRejectedError(
        this.providerCode,
        captured.length > 1
          ? `${captured.length} captured payments under reference ${input.reference}: refund by hand against the right one`
          : `no captured payment under reference ${input.reference}`,
        404,
        captured.length > 1 ? 'PAYMENT_AMBIGUOUS' : 'PAYMENT_NOT_FOUND',
      );
    return payment.paymentId;
  }
}
