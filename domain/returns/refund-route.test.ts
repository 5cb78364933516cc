import { refundMethodFor, refundRouteFor } from './refund-route';

describe('refundRouteFor', () => {
  it('sends marketplace and social orders back through their channel', () => {
    expect(refundRouteFor({ channelKind: 'MARKETPLACE', paymentProvider: 'megamart' })).toBe('CHANNEL');
    expect(refundRouteFor({ channelKind: 'SOCIAL_CATALOG', paymentProvider: 'channel' })).toBe('CHANNEL');
  });

  it('sends web-store orders through the payment provider, whichever name the payment row carries', () => {
    expect(refundRouteFor({ channelKind: 'WEB_STORE', paymentProvider: 'web-psp' })).toBe('PAYMENT_PROVIDER');
    expect(refundRouteFor({ channelKind: 'WEB_STORE', paymentProvider: 'web' })).toBe('PAYMENT_PROVIDER');
  });

  it('gives back at the till what was paid in a store: POS sales and web orders paid at pickup or on delivery', () => {
    expect(refundRouteFor({ channelKind: 'POS', paymentProvider: 'pos' })).toBe('TILL');
    expect(refundRouteFor({ channelKind: 'WEB_STORE', paymentProvider: 'pay-at-pickup' })).toBe('TILL');
    expect(refundRouteFor({ channelKind: 'WEB_STORE', paymentProvider: 'pay-on-delivery' })).toBe('TILL');
  });
});

describe('refundMethodFor', () => {
  it('gives a till sale back in cash unless the customer chose store credit', () => {
    expect(refundMethodFor('TILL', undefined)).toEqual({ ok: true, method: 'CASH' });
    expect(refundMethodFor('TILL', 'STORE_CREDIT')).toEqual({ ok: true, method: 'STORE_CREDIT' });
  });

  it('refuses cash or store credit for money a channel or the payment provider holds', () => {
    expect(refundMethodFor('CHANNEL', undefined)).toEqual({ ok: true, method: 'ORIGINAL_PAYMENT' });
    const cash = refundMethodFor('CHANNEL', 'CASH');
    expect(cash.ok).toBe(false);
    expect(cash.ok ? '' : cash.message).toContain('the channel that took the money');
    const credit = refundMethodFor('PAYMENT_PROVIDER', 'STORE_CREDIT');
    expect(credit.ok ? '' : credit.message).toContain('payment provider');
  });
});
