import { promoConflicts, windowsOverlap } from './promo-conflicts';

const at = (iso: string) => new Date(iso);
const base = { startsAt: at('2026-12-11T17:00:00Z'), endsAt: at('2026-12-12T17:00:00Z') };

describe('promotion conflicts', () => {
  it('treats windows as half-open', () => {
    expect(windowsOverlap(base, { startsAt: base.endsAt, endsAt: at('2026-12-13T00:00:00Z') })).toBe(false);
    expect(windowsOverlap(base, { startsAt: at('2026-12-12T16:59:59Z'), endsAt: at('2026-12-13T00:00:00Z') })).toBe(true);
  });
  it('refuses the same SKU on the same channel in an overlapping window, naming the other promotion', () => {
    const candidate = { id: 'new', name: '12.12', ...base, skus: ['A', 'B'], channelCodes: ['web', 'pos'] };
    const others = [
      { id: 'p1', name: 'Year end', ...base, skus: ['B', 'C'], channelCodes: ['pos', 'megamart'] },
      { id: 'p2', name: 'Other channel', ...base, skus: ['A'], channelCodes: ['megamart'] },
      { id: 'p3', name: 'Later', startsAt: base.endsAt, endsAt: at('2027-01-01T00:00:00Z'), skus: ['A'], channelCodes: ['web'] },
      { ...candidate, name: 'itself' },
    ];
    expect(promoConflicts(candidate, others)).toEqual([
      { otherPromotionId: 'p1', otherPromotionName: 'Year end', sku: 'B', channelCode: 'pos' },
    ]);
  });
});
