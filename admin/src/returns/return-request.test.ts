import { lineProblem, needsOverride, refusalsByLine, requestedLines } from './return-request';
import { type ReturnableLine } from './return-record';

const line = (id: string, delivered: number, returned: number): ReturnableLine => ({
  id,
  sku: `SKU-${id}`,
  name: `Product ${id}`,
  quantity: delivered,
  returnedQuantity: returned,
  deliveredQuantity: delivered,
  unitPriceMinor: 1000,
  status: 'FULFILLED',
});

describe('the return request built from the counter form', () => {
  const lines = [line('a', 2, 0), line('b', 3, 1), line('c', 1, 0)];

  it('sends only the lines with units, in the order’s line order, with the condition seen when given', () => {
    const body = requestedLines(lines, {
      c: { quantity: '1', conditionSeen: 'USED' },
      a: { quantity: '0', conditionSeen: 'AS_NEW' },
      b: { quantity: ' 2 ', conditionSeen: '' },
    });
    expect(body).toEqual([
      { orderLineId: 'b', quantity: 2 },
      { orderLineId: 'c', quantity: 1, conditionSeen: 'USED' },
    ]);
  });

  it('bounds each line by what the customer can still bring back', () => {
    expect(lineProblem(lines[1] as ReturnableLine, { quantity: '2', conditionSeen: '' })).toBeNull();
    expect(lineProblem(lines[1] as ReturnableLine, { quantity: '3', conditionSeen: '' })).toBe('more_than_returnable');
    expect(lineProblem(lines[1] as ReturnableLine, { quantity: '1.5', conditionSeen: '' })).toBe('not_a_number');
    expect(lineProblem(lines[1] as ReturnableLine, { quantity: '', conditionSeen: '' })).toBeNull();
  });

  it('maps the API’s refusals by request index back to the order lines', () => {
    const sent = [
      { orderLineId: 'b', quantity: 2 },
      { orderLineId: 'c', quantity: 1 },
    ];
    const { byLine, other } = refusalsByLine(sent, {
      'lines.1.quantity': 'OUTSIDE_WINDOW: returned 40 days after delivery; FINAL_SALE: sold as final sale',
      reason: 'Required',
    });
    expect(byLine).toEqual({
      c: [
        { code: 'OUTSIDE_WINDOW', message: 'returned 40 days after delivery' },
        { code: 'FINAL_SALE', message: 'sold as final sale' },
      ],
    });
    expect(other).toEqual({ reason: 'Required' });
    expect(needsOverride(byLine)).toBe(true);
    expect(needsOverride({ b: [{ code: 'FINAL_SALE', message: '' }] })).toBe(false);
  });
});
