import { pickReportProblems, pickResultOf } from './pick-result';

const lines = [
  { lineId: 'a', sku: 'SKU-A', quantity: 3, unitPriceMinor: 1000 },
  { lineId: 'b', sku: 'SKU-B', quantity: 1, unitPriceMinor: 250 },
];

describe('pick results', () => {
  it('splits a pick into units to hand over and shortfalls priced per line', () => {
    expect(
      pickResultOf(lines, [
        { lineId: 'a', pickedQuantity: 1 },
        { lineId: 'b', pickedQuantity: 1 },
      ]),
    ).toEqual({
      picked: [
        { lineId: 'a', sku: 'SKU-A', quantity: 1 },
        { lineId: 'b', sku: 'SKU-B', quantity: 1 },
      ],
      shortfalls: [{ lineId: 'a', sku: 'SKU-A', shortQuantity: 2, refundMinor: 2000 }],
      nothingPicked: false,
    });
  });

  it('knows when nothing at all could be picked', () => {
    expect(
      pickResultOf(lines, [
        { lineId: 'a', pickedQuantity: 0 },
        { lineId: 'b', pickedQuantity: 0 },
      ]).nothingPicked,
    ).toBe(true);
  });

  it('names every problem of a report: unknown lines, too many units, lines left out', () => {
    expect(
      pickReportProblems(lines, [
        { lineId: 'a', pickedQuantity: 4 },
        { lineId: 'zzz', pickedQuantity: 1 },
      ]),
    ).toEqual({
      'lines.0.pickedQuantity': 'must be at most the ordered 3',
      'lines.1.lineId': 'is not a line of this order',
      lines: 'must report every line; missing SKU-B',
    });
    expect(
      pickReportProblems(lines, [
        { lineId: 'a', pickedQuantity: 3 },
        { lineId: 'b', pickedQuantity: 0 },
      ]),
    ).toEqual({});
  });
});
