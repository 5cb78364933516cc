import { settlementOf, stockCountLineKey } from './stock-count-rules';

describe('stock count settlement', () => {
  const tolerance = { units: 2, valueMinor: 10_000 };

  it('leaves an equal count alone', () => {
    expect(settlementOf({ delta: 0, valueMinor: 0 }, tolerance)).toBe('MATCHED');
  });

  it('corrects within both limits at once, either way of the difference', () => {
    expect(settlementOf({ delta: -2, valueMinor: 10_000 }, tolerance)).toBe('AUTO_ADJUST');
    expect(settlementOf({ delta: 1, valueMinor: 5_000 }, tolerance)).toBe('AUTO_ADJUST');
  });

  it('needs a second person beyond the units or beyond the value', () => {
    expect(settlementOf({ delta: 3, valueMinor: 300 }, tolerance)).toBe('NEEDS_APPROVAL');
    expect(settlementOf({ delta: -1, valueMinor: 10_001 }, tolerance)).toBe('NEEDS_APPROVAL');
  });

  it('keys a correction by count and line, with nothing the ledger refuses', () => {
    expect(stockCountLineKey('c1', 'l1')).toBe('stock-count:c1:l1');
  });
});
