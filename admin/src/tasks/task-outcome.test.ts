import { outcomeEntriesOf, outcomeWords } from './task-outcome';

describe('outcomeEntriesOf', () => {
  it('reads a decision as its lines, codes marked for translation', () => {
    expect(outcomeEntriesOf({ type: 'PROMOTION_DECISION', reason: 'MegaMart is down', decision: 'ROLL_BACK' })).toEqual([
      { key: 'decision', value: 'ROLL_BACK', code: true },
      { key: 'reason', value: 'MegaMart is down', code: false },
    ]);
  });

  it('leaves lists, nested objects and blanks to the form, and has no lines for an empty or missing outcome', () => {
    expect(outcomeEntriesOf({ lines: [{ sku: 'A', pickedQuantity: 1 }], note: '  ', count: 3, approved: true })).toEqual([
      { key: 'count', value: '3', code: false },
      { key: 'approved', value: 'true', code: true },
    ]);
    expect(outcomeEntriesOf({})).toEqual([]);
    expect(outcomeEntriesOf(null)).toEqual([]);
    expect(outcomeEntriesOf(['ROLL_BACK'])).toEqual([]);
  });

  it('falls back to words for keys and codes the translations lack', () => {
    expect(outcomeWords('failedSkus')).toBe('Failed skus');
    expect(outcomeWords('ACCEPT_PARTIAL')).toBe('Accept partial');
  });
});
