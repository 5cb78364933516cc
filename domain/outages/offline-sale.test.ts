import { offlineSaleContentHash, offlineSaleSchema, offlineSaleTotalMinor } from './offline-sale';

const sale = {
  receiptNumber: 'R-1',
  soldAt: '2026-12-02T10:00:00+07:00',
  currency: 'IDR',
  lines: [
    { sku: 'A', quantity: 2, unitPriceMinor: 150000 },
    { sku: 'B', quantity: 1, unitPriceMinor: 5000 },
  ],
};

describe('offline sale content', () => {
  it('hashes the same sale the same, whatever the line order or time zone notation', () => {
    const reordered = { ...sale, soldAt: '2026-12-02T03:00:00Z', lines: [...sale.lines].reverse() };
    expect(offlineSaleContentHash(reordered)).toBe(offlineSaleContentHash(sale));
  });
  it('hashes a differing sale differently', () => {
    expect(offlineSaleContentHash({ ...sale, lines: [{ sku: 'A', quantity: 3, unitPriceMinor: 150000 }] })).not.toBe(
      offlineSaleContentHash(sale),
    );
  });
  it('totals its lines and refuses malformed ones', () => {
    expect(offlineSaleTotalMinor(sale)).toBe(305000);
    expect(offlineSaleSchema.safeParse({ ...sale, lines: [{ sku: 'A', quantity: 0, unitPriceMinor: 1 }] }).success).toBe(false);
    expect(offlineSaleSchema.safeParse({ ...sale, soldAt: 'yesterday' }).success).toBe(false);
  });
});
