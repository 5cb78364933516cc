import { outagePriceKey, priceDriftOf, routePriceDrift } from './price-drift';

describe('price drift after an outage', () => {
  it('finds nothing at the expected price or without a price on the channel', () => {
    expect(priceDriftOf({ expectedPriceMinor: 1000, shownPriceMinor: 1000 })).toBeNull();
    expect(priceDriftOf({ expectedPriceMinor: 1000, shownPriceMinor: null })).toBeNull();
  });
  it('values a drift at the difference of one unit, either way', () => {
    expect(priceDriftOf({ expectedPriceMinor: 1000, shownPriceMinor: 1050 })).toEqual({ class: 'PRICE_DRIFT', delta: 0, valueMinor: 50 });
    expect(priceDriftOf({ expectedPriceMinor: 1000, shownPriceMinor: 400 })?.valueMinor).toBe(600);
  });
  it('re-pushes within the price tolerance, reviews beyond it, four-eyes above the value', () => {
    const drift = (valueMinor: number) => ({ class: 'PRICE_DRIFT' as const, delta: 0, valueMinor });
    expect(routePriceDrift(drift(100), 100, 5000)).toBe('AUTO_FIX');
    expect(routePriceDrift(drift(101), 100, 5000)).toBe('REVIEW');
    expect(routePriceDrift(drift(5001), 100, 5000)).toBe('FOUR_EYES');
  });
  it('keys a page by outage, channel and page', () => {
    expect(outagePriceKey('o1', 'megamart', 3)).toBe('price:outage:o1:megamart:3');
  });
});
