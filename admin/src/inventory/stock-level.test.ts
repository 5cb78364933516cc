import { stockLevelOf } from './stock-level';

describe('stock level shown for available units', () => {
  test('nothing left is out, up to the threshold is low, above it is fine', () => {
    const threshold = 5;
    expect(stockLevelOf(0, threshold)).toBe('out');
    expect(stockLevelOf(-1, threshold)).toBe('out');
    expect(stockLevelOf(1, threshold)).toBe('low');
    expect(stockLevelOf(5, threshold)).toBe('low');
    expect(stockLevelOf(6, threshold)).toBe('ok');
  });
});
