import { classifyPriceLine, classifyStockLine, expectedOnHand, reportByClass, routeOf } from './reconciliation-rules';

const base = { systemOnHand: 10, unappliedOfflineQty: 0, countedQty: null, soldOnlineDuringOutage: 0, unitPriceMinor: 1000 };

describe('three-way stock diff', () => {
  it('expects on hand minus the unapplied journal', () => {
    expect(expectedOnHand({ systemOnHand: 10, unappliedOfflineQty: 3 })).toBe(7);
  });
  it('finds nothing when the three agree', () => {
    expect(classifyStockLine(base)).toEqual([]);
    expect(classifyStockLine({ ...base, countedQty: 10 })).toEqual([]);
  });
  it('applies offline sales', () => {
    expect(classifyStockLine({ ...base, unappliedOfflineQty: 3, countedQty: 7 })).toEqual([
      { class: 'OFFLINE_SALE', delta: -3, valueMinor: 3000 },
    ]);
  });
  it('finds a double sale when the last unit went offline and online', () => {
    // 1 left, sold online during the outage (system already 0) and again on paper.
    expect(classifyStockLine({ ...base, systemOnHand: 0, unappliedOfflineQty: 1, soldOnlineDuringOutage: 1 })).toEqual([
      { class: 'DOUBLE_SALE', delta: -1, valueMinor: 1000 },
    ]);
  });
  it('finds stock drift between a count and the expected on hand, either way', () => {
    expect(classifyStockLine({ ...base, unappliedOfflineQty: 2, countedQty: 6 })).toEqual([
      { class: 'OFFLINE_SALE', delta: -2, valueMinor: 2000 },
      { class: 'STOCK_DRIFT', delta: -2, valueMinor: 2000 },
    ]);
    expect(classifyStockLine({ ...base, countedQty: 11 })).toEqual([{ class: 'STOCK_DRIFT', delta: 1, valueMinor: 1000 }]);
  });
  it('finds price drift only when the channel shows another price', () => {
    expect(classifyPriceLine({ publishedPriceMinor: 1000, channelPriceMinor: 1000 })).toBeNull();
    expect(classifyPriceLine({ publishedPriceMinor: 1000, channelPriceMinor: null })).toBeNull();
    expect(classifyPriceLine({ publishedPriceMinor: 1000, channelPriceMinor: 900 })).toEqual({
      class: 'PRICE_DRIFT',
      delta: 0,
      valueMinor: 100,
    });
  });
});

describe('routing by tolerance', () => {
  const tolerance = { units: 2, valueMinor: 5000 };
  it('auto-fixes within units and value, reviews beyond, four-eyes above the approval value', () => {
    expect(routeOf({ class: 'STOCK_DRIFT', delta: -2, valueMinor: 5000 }, tolerance, 20000)).toBe('AUTO_FIX');
    expect(routeOf({ class: 'STOCK_DRIFT', delta: -3, valueMinor: 3000 }, tolerance, 20000)).toBe('REVIEW');
    expect(routeOf({ class: 'STOCK_DRIFT', delta: 1, valueMinor: 6000 }, tolerance, 20000)).toBe('REVIEW');
    expect(routeOf({ class: 'STOCK_DRIFT', delta: 30, valueMinor: 30000 }, tolerance, 20000)).toBe('FOUR_EYES');
  });
  it('always applies offline sales and sends double sales to an order decision', () => {
    expect(routeOf({ class: 'OFFLINE_SALE', delta: -100, valueMinor: 999999 }, tolerance, 20000)).toBe('AUTO_FIX');
    expect(routeOf({ class: 'DOUBLE_SALE', delta: -1, valueMinor: 10 }, tolerance, 20000)).toBe('ORDER_DECISION');
    expect(routeOf({ class: 'ORDER_MISSING', delta: 0, valueMinor: 999999 }, tolerance, 20000)).toBe('AUTO_FIX');
  });
  it('reports counts and value per class', () => {
    const report = reportByClass([
      { class: 'OFFLINE_SALE', resolution: 'AUTO_FIXED', count: 3, valueMinor: 3000 },
      { class: 'STOCK_DRIFT', resolution: 'APPROVED', count: 1, valueMinor: 500 },
      { class: 'STOCK_DRIFT', resolution: 'AUTO_FIXED', count: 2, valueMinor: 200 },
    ]);
    expect(report.STOCK_DRIFT).toEqual({ count: 3, valueMinor: 700 });
    expect(report.DOUBLE_SALE).toEqual({ count: 0, valueMinor: 0 });
  });
});
