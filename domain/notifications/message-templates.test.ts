import { renderMessage } from './message-templates';

describe('the pickup-ready message', () => {
  it('names the store, its address, opening hours and the collect-by time in the store’s zone', () => {
    const outcome = renderMessage('pickup-ready', {
      orderId: 'o-1',
      storeName: 'Makassar Panakkukang',
      storeAddress: 'Jl. Boulevard Raya No. 12, Panakkukang, Makassar 90231',
      openingHours: 'Senin-Sabtu 09.00-21.00 WITA',
      collectBy: '5 Dec 2026, 20:15 WITA',
      code: '48213377',
    });
    expect(outcome).toEqual({
      ok: true,
      message: {
        subject: 'Your order is ready for pickup',
        text:
          'Your order is ready for pickup at Makassar Panakkukang, Jl. Boulevard Raya No. 12, Panakkukang, Makassar 90231 ' +
          '(open Senin-Sabtu 09.00-21.00 WITA). Show this code at the counter: 48213377. Please collect it by 5 Dec 2026, 20:15 WITA. ' +
          'Keep it to yourself: whoever has it can collect the order.',
      },
    });
  });

  it('still renders a row written before those fields existed (store and code only)', () => {
    const outcome = renderMessage('pickup-ready', { orderId: 'o-1', storeName: 'AMS-01', code: '1234' });
    expect(outcome.ok && outcome.message.text).toBe(
      'Your order is ready for pickup at AMS-01. Show this code at the counter: 1234. Keep it to yourself: whoever has it can collect the order.',
    );
  });

  it('is not sent without its code', () => {
    expect(renderMessage('pickup-ready', { orderId: 'o-1', storeName: 'AMS-01', code: '' })).toEqual({
      ok: false,
      reason: 'template "pickup-ready" needs code',
    });
  });
});

describe('the pickup reminder', () => {
  it('names the store as the ready message did, and the collect-by time in the store’s zone', () => {
    const outcome = renderMessage('pickup-reminder', {
      orderId: 'o-1',
      storeCode: 'MKS-01',
      reminder: 2,
      storeName: 'Makassar Panakkukang',
      storeAddress: 'Jl. Boulevard Raya No. 12',
      openingHours: 'Senin-Sabtu 09.00-21.00 WITA',
      collectBy: '5 Dec 2026, 20:15 WITA',
    });
    expect(outcome.ok && outcome.message.text).toBe(
      'Reminder 2: your order is still waiting for you at Makassar Panakkukang, Jl. Boulevard Raya No. 12 (open Senin-Sabtu 09.00-21.00 WITA). Please collect it by 5 Dec 2026, 20:15 WITA. Bring the pickup code we sent you.',
    );
  });

  it('still reads for a row queued with the store code only', () => {
    const outcome = renderMessage('pickup-reminder', { orderId: 'o-1', storeCode: 'AMS-01', reminder: 1 });
    expect(outcome.ok && outcome.message.text).toBe(
      'Reminder 1: your order is still waiting for you at AMS-01. Bring the pickup code we sent you.',
    );
  });
});

describe('refund amounts in messages', () => {
  it.each([
    ['EUR', '1999', '19.99 EUR'],
    ['IDR', '15000000', '150000 IDR'],
    ['JPY', '1500', '1500 JPY'],
    ['KWD', '1250', '1.250 KWD'],
  ])('writes %s minor units by its ISO 4217 exponent', (currency, refundedMinor, written) => {
    const outcome = renderMessage('pickup-short-picked', { missing: '1 x Mug', refundedMinor, currency });
    expect(outcome.ok && outcome.message.text).toContain(`We refunded ${written};`);
  });
});
