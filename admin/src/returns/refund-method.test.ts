import { refundChoiceFor, storeCreditCodesOf } from './refund-method';
import { type ReturnLineRecord } from './return-record';

const line = (refundReference: string | null): ReturnLineRecord => ({
  id: `line-${refundReference ?? 'none'}`,
  orderLineId: 'order-line',
  sku: 'SKU',
  productName: 'Product',
  quantity: 1,
  conditionSeen: null,
  condition: null,
  disposition: null,
  refundMinor: 1250,
  refundStatus: refundReference === null ? null : 'SUCCEEDED',
  refundReference,
});

describe('the refund the "Return items" form offers', () => {
  it('lets a till sale’s customer choose cash or store credit', () => {
    expect(refundChoiceFor('TILL')).toEqual({ kind: 'choose', methods: ['CASH', 'STORE_CREDIT'] });
  });

  it('offers no choice for a sale paid elsewhere and says where the money goes back', () => {
    expect(refundChoiceFor('CHANNEL')).toEqual({ kind: 'original', saying: 'omni.return.refund_to.CHANNEL' });
    expect(refundChoiceFor('PAYMENT_PROVIDER')).toEqual({ kind: 'original', saying: 'omni.return.refund_to.PAYMENT_PROVIDER' });
  });
});

describe('the store credit codes on a return’s page', () => {
  it('are the codes of store-credit refunds, without the prefix; cash and channel references are not codes', () => {
    const record = { lines: [line('store-credit:SC-ABCD-EF23'), line('cash:9f1c'), line(null), line('MEGAMART-RF-1')] };
    expect(storeCreditCodesOf(record)).toEqual(['SC-ABCD-EF23']);
    expect(storeCreditCodesOf({ lines: [line('cash:9f1c')] })).toEqual([]);
  });
});
