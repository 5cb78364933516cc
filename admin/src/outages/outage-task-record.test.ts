import { countsOf, parseCount } from './outage-task-record';

describe('stock count entry', () => {
  test('whole units from 0 up to a million are counts; anything else is not yet', () => {
    expect(parseCount('0')).toBe(0);
    expect(parseCount(' 12 ')).toBe(12);
    expect(parseCount('1000000')).toBe(1_000_000);
    expect(parseCount('1000001')).toBeNull();
    expect(parseCount('-1')).toBeNull();
    expect(parseCount('1.5')).toBeNull();
    expect(parseCount('')).toBeNull();
    expect(parseCount('3e2')).toBeNull();
  });

  test('every SKU must be counted before the counts are sent, in the task order', () => {
    const skus = [{ sku: 'A' }, { sku: 'B' }];
    expect(countsOf(skus, { A: '3' })).toBeNull();
    expect(countsOf(skus, { B: '0', A: '3' })).toEqual([
      { sku: 'A', counted: 3 },
      { sku: 'B', counted: 0 },
    ]);
  });
});
