/**
 * Where a return's money goes back, decided by where it was paid:
 * - CHANNEL: marketplaces and social catalogues took the money; their refund API gives it back.
 * - PAYMENT_PROVIDER: our own web store's checkout paid through the payment provider (PSP); the refund
 *   goes through the provider against that payment.
 * - TILL: a store (POS) sale, or a web order paid at pickup or on delivery: money was handed over in a
 *   store, so it is given back at the receiving store's till, in cash or as store credit (the
 *   customer's choice, `refundMethod`).
 */
export type RefundRoute = 'CHANNEL' | 'PAYMENT_PROVIDER' | 'TILL';

/** The `payments.provider` values of web orders paid in person (api/intake/place-web-order.ts). */
export const PAID_IN_PERSON_PROVIDERS: readonly string[] = ['pay-at-pickup', 'pay-on-delivery'];

export function refundRouteFor(order: { channelKind: string; paymentProvider: string }): RefundRoute {
  if (order.channelKind === 'POS') return 'TILL';
  if (order.channelKind === 'WEB_STORE') return PAID_IN_PERSON_PROVIDERS.includes(order.paymentProvider) ? 'TILL' : 'PAYMENT_PROVIDER';
  return 'CHANNEL';
}

/** What a customer returning a till sale may choose; every other sale goes back the way it was paid. */
export type TillRefundMethod = 'CASH' | 'STORE_CREDIT';
export type RefundMethod = 'ORIGINAL_PAYMENT' | TillRefundMethod;

/**
 * The refund method a return is written with: a till sale is given back in cash unless the customer
 * chose store credit; any other sale through where it was paid, and asking it for cash or store credit
 * is refused with the reason (a marketplace has the money, not our till).
 */
export function refundMethodFor(
  route: RefundRoute,
  chosen: TillRefundMethod | undefined,
): { ok: true; method: RefundMethod } | { ok: false; message: string } {
  if (route === 'TILL') return { ok: true, method: chosen ?? 'CASH' };
  if (chosen === undefined) return { ok: true, method: 'ORIGINAL_PAYMENT' };
  const where = route === 'CHANNEL' ? 'the channel that took the money' : 'the payment provider of the web store';
  return {
    ok: false,
    message: `only sales paid at a store's till are refunded in cash or store credit; this one goes back through ${where}`,
  };
}
