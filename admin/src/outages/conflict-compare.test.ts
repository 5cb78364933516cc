import { conflictMessages } from './conflict-messages';
import { conflictListPath, conflictPath, differencesOf, type SaleVersion } from './conflict-compare';

const version = (lines: [string, number, number][], soldAt = '2026-12-02T02:00:00.000Z'): SaleVersion => ({
  soldAt,
  currency: 'IDR',
  totalMinor: lines.reduce((sum, [, quantity, price]) => sum + quantity * price, 0),
  lines: lines.map(([sku, quantity, unitPriceMinor]) => ({ sku, productName: null, quantity, unitPriceMinor })),
});

describe('offline-sale conflict comparison', () => {
  it('marks the changed quantity, the changed price and a line on one side only', () => {
    const differences = differencesOf(
      version([
        ['A', 2, 100],
        ['B', 1, 100],
        ['C', 1, 50],
      ]),
      version([
        ['A', 5, 100],
        ['B', 1, 90],
        ['D', 1, 10],
      ]),
    );
    expect(Object.fromEntries(differences.lines)).toEqual({
      A: { quantity: true, price: false, missingOn: null },
      B: { quantity: false, price: true, missingOn: null },
      C: { quantity: true, price: true, missingOn: 'incoming' },
      D: { quantity: true, price: true, missingOn: 'journal' },
    });
    expect(differences).toMatchObject({ soldAt: false, currency: false, total: true, count: 4 });
  });

  it('compares sale times as instants, whatever their offset', () => {
    const same = differencesOf(version([['A', 1, 1]]), version([['A', 1, 1]], '2026-12-02T09:00:00+07:00'));
    expect(same).toMatchObject({ soldAt: false, count: 0 });
    expect(differencesOf(version([['A', 1, 1]]), version([['A', 1, 1]], '2026-12-02T10:00:00+07:00')).soldAt).toBe(true);
  });

  it('links to the list filtered by outage and to one conflict', () => {
    expect(conflictListPath({ outageId: 'o-1' })).toBe(
      `/outages/offline-sale-conflicts?filter=${encodeURIComponent('{"outageId":"o-1"}')}`,
    );
    expect(conflictPath('c-1')).toBe('/outages/offline-sale-conflicts/c-1');
  });

  it('has every English label in Indonesian too', () => {
    expect(Object.keys(conflictMessages.id).sort()).toEqual(Object.keys(conflictMessages.en).sort());
  });
});
