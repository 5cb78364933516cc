import { promotionInputSchema } from './promotion-schemas';

const valid = {
  name: '12.12 flash sale',
  discount: { type: 'PERCENT', value: 20 },
  currency: 'IDR',
  timeZone: 'Asia/Jakarta',
  startsLocal: '2026-12-12T00:00',
  endsLocal: '2026-12-13T00:00',
  skus: ['APP-CHN-BLK', 'APP-CHN-BLK'],
};

describe('promotion input', () => {
  it('computes the UTC window from the wall-clock times in the zone and drops duplicate SKUs', () => {
    const parsed = promotionInputSchema.parse(valid);
    expect(parsed.startsAt.toISOString()).toBe('2026-12-11T17:00:00.000Z');
    expect(parsed.endsAt.toISOString()).toBe('2026-12-12T17:00:00.000Z');
    expect(parsed.skus).toEqual(['APP-CHN-BLK']);
  });
  it('names each bad field', () => {
    const result = promotionInputSchema.safeParse({
      ...valid,
      discount: { type: 'PERCENT', value: 100 },
      timeZone: 'Nowhere/Else',
      endsLocal: '2026-12-11T23:00',
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['discount.value', 'timeZone']));
    const backwards = promotionInputSchema.safeParse({ ...valid, endsLocal: '2026-12-11T23:00' });
    expect(backwards.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['endsLocal', 'must be after the start'],
    ]);
    const empty = promotionInputSchema.safeParse({ ...valid, skus: [] });
    expect(empty.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['skus']);
  });
  it('takes a brand rule alone, trimmed and without duplicates, and refuses an empty or overlong brand', () => {
    const parsed = promotionInputSchema.parse({ ...valid, skus: [], brands: [' Fjell ', 'Fjell', 'Voltic'] });
    expect(parsed.brands).toEqual(['Fjell', 'Voltic']);
    const bad = promotionInputSchema.safeParse({ ...valid, brands: ['   ', 'x'.repeat(101)] });
    expect(bad.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['brands.0', 'brands.1']);
  });
});
