import { formatMoney } from '../shared/locale-format';
import { decisionBodyOf, decisionSummaryOf, shelfLabelRowsOf } from './promotion-tasks';
import { scopeProblemsOf, promotionBodyOf, toMinorUnits } from './promotion-record';
import { barOf } from './promotion-progress';

describe('the decision form', () => {
  it('asks for a choice, and for a reason before rolling back or accepting a partial rollout', () => {
    expect(decisionBodyOf(null, '')).toEqual({ error: 'omni.promotion.decision.choose' });
    expect(decisionBodyOf('ROLL_BACK', '  ')).toEqual({ error: 'omni.promotion.decision.reason_required' });
    expect(decisionBodyOf('ACCEPT_PARTIAL', 'ok')).toEqual({ error: 'omni.promotion.decision.reason_required' });
    expect(decisionBodyOf('ACCEPT_PARTIAL', 'x'.repeat(501))).toEqual({ error: 'omni.promotion.decision.reason_too_long' });
    expect(decisionBodyOf('RETRY_FAILED', '')).toEqual({ body: { decision: 'RETRY_FAILED' } });
    expect(decisionBodyOf('ROLL_BACK', ' Bazaar is down till Monday ')).toEqual({
      body: { decision: 'ROLL_BACK', reason: 'Bazaar is down till Monday' },
    });
  });

  it('sums what is not right over the channels and names the ones that are down', () => {
    expect(
      decisionSummaryOf({
        promotionId: 'p',
        channels: [
          { channel: 'web', total: 10, pushed: 10, verified: 10, failed: 0, unavailable: false, failingSkus: [] },
          { channel: 'bazaar', total: 10, pushed: 0, verified: 0, failed: 0, unavailable: true, failingSkus: [] },
          { channel: 'pos', total: 10, pushed: 10, verified: 8, failed: 2, unavailable: false, failingSkus: ['A', 'B'] },
        ],
      }),
    ).toEqual({ failingChannels: 2, unavailableChannels: ['bazaar'], notVerified: 12 });
  });
});

describe('the shelf-label list', () => {
  it('lists SKUs in order with old and new prices, rupiah without decimals', () => {
    const money = (minor: number, currency: string) => formatMoney(minor, currency, 'id-ID');
    const rows = shelfLabelRowsOf(
      {
        promotionId: 'p',
        phase: 'START',
        skus: [
          { sku: 'TEH-02', name: 'Teh', oldPriceMinor: 1_500_000, newPriceMinor: 1_200_000, currency: 'IDR' },
          { sku: 'KOPI-01', name: 'Kopi', oldPriceMinor: 5_000_000, newPriceMinor: 4_500_000, currency: 'IDR' },
        ],
      },
      money,
    );
    expect(rows.map((row) => [row.sku, row.oldPrice, row.newPrice, row.down])).toEqual([
      ['KOPI-01', 'Rp\u00a050.000', 'Rp\u00a045.000', true],
      ['TEH-02', 'Rp\u00a015.000', 'Rp\u00a012.000', true],
    ]);
  });
});

describe('the promotion form', () => {
  it('sends money in minor units of the currency and channels only when not all', () => {
    expect(toMinorUnits(5.5, 'EUR')).toBe(550);
    expect(toMinorUnits(10_000, 'IDR')).toBe(1_000_000);
    const values = {
      name: 'Payday',
      discountType: 'FIXED' as const,
      discountAmount: 2.5,
      currency: 'EUR',
      timeZone: 'Asia/Jakarta',
      startsLocal: '2026-12-12T00:00',
      endsLocal: '2026-12-13T00:00',
      skus: ['A'],
      categories: [],
      brands: [],
      allChannels: true,
      channelCodes: ['web'],
    };
    expect(promotionBodyOf(values)).toEqual({
      name: 'Payday',
      discount: { type: 'FIXED', value: 250 },
      currency: 'EUR',
      timeZone: 'Asia/Jakarta',
      startsLocal: '2026-12-12T00:00',
      endsLocal: '2026-12-13T00:00',
      skus: ['A'],
      categories: [],
      brands: [],
    });
    expect(promotionBodyOf({ ...values, allChannels: false, discountType: 'PERCENT', discountAmount: 15 })).toMatchObject({
      discount: { type: 'PERCENT', value: 15 },
      channelCodes: ['web'],
    });
  });

  it('turns the API refusals into a list by SKU and channel, a dotted SKU included', () => {
    expect(
      scopeProblemsOf({
        name: 'required',
        'floor.APP.CHN-1.web': 'below the floor',
        'conflicts.SKU-2.pos': 'in "Payday" at the same time',
        'skus.NOPE': 'unknown SKU',
        'brands.Dr. Nobody': 'no active product of this brand',
        'rows.7': 'the SKU is empty',
      }),
    ).toEqual([
      { kind: 'floor', subject: 'APP.CHN-1', channel: 'web', message: 'below the floor' },
      { kind: 'conflict', subject: 'SKU-2', channel: 'pos', message: 'in "Payday" at the same time' },
      { kind: 'unknown_sku', subject: 'NOPE', channel: null, message: 'unknown SKU' },
      { kind: 'unknown_brand', subject: 'Dr. Nobody', channel: null, message: 'no active product of this brand' },
      { kind: 'row', subject: '7', channel: null, message: 'the SKU is empty' },
    ]);
  });
});

describe('a progress bar', () => {
  it('is verified over total, pushed as the buffer, complete only when every SKU is verified', () => {
    const pass = {
      pushed: 6,
      verified: 4,
      failed: 1,
      startedAt: null,
      lastOutcomeAt: null,
      ratePerSecond: null,
      limitBoundSeconds: 0,
      estimatedFinishAt: null,
    };
    expect(barOf(pass, 8)).toEqual({ verifiedPercent: 50, pushedPercent: 75, failedPercent: 12.5, done: false, complete: false });
    expect(barOf({ ...pass, verified: 8, pushed: 8, failed: 0 }, 8)).toMatchObject({ verifiedPercent: 100, done: true, complete: true });
    expect(barOf(pass, 0)).toMatchObject({ verifiedPercent: 0, complete: false });
  });
});
