import { hasSkuRule, matchesSkuRule, skuRuleWhere, unknownBrands } from './sku-rule';

const fjellBoot = { category: 'Footwear', brand: 'Fjell' };
const fjellJacket = { category: 'Apparel', brand: 'Fjell' };
const cobblerBoot = { category: 'Footwear', brand: 'Cobbler & Co' };
const unbranded = { category: 'Footwear', brand: null };
const catalogue = [fjellBoot, fjellJacket, cobblerBoot, unbranded];

describe('the SKU rule of a promotion', () => {
  it('selects every product of a category, whatever its brand (none included)', () => {
    const rule = { categories: ['Footwear'], brands: [] };
    expect(catalogue.filter((product) => matchesSkuRule(product, rule))).toEqual([fjellBoot, cobblerBoot, unbranded]);
  });
  it('selects every product of a brand, in any category, never an unbranded one', () => {
    const rule = { categories: [], brands: ['Fjell'] };
    expect(catalogue.filter((product) => matchesSkuRule(product, rule))).toEqual([fjellBoot, fjellJacket]);
  });
  it('combines category and brand as AND, and several of one kind as OR', () => {
    expect(catalogue.filter((product) => matchesSkuRule(product, { categories: ['Footwear'], brands: ['Fjell'] }))).toEqual([fjellBoot]);
    expect(
      catalogue.filter((product) => matchesSkuRule(product, { categories: ['Footwear', 'Apparel'], brands: ['Fjell', 'Cobbler & Co'] })),
    ).toEqual([fjellBoot, fjellJacket, cobblerBoot]);
    expect(catalogue.filter((product) => matchesSkuRule(product, { categories: ['Apparel'], brands: ['Cobbler & Co'] }))).toEqual([]);
  });
  it('is no rule without a category or a brand: it selects nothing and filters nothing', () => {
    const none = { categories: [], brands: [] };
    expect(hasSkuRule(none)).toBe(false);
    expect(catalogue.some((product) => matchesSkuRule(product, none))).toBe(false);
    expect(skuRuleWhere(none)).toBeNull();
  });
  it('writes the same rule as a product filter', () => {
    expect(skuRuleWhere({ categories: ['Footwear'], brands: [] })).toEqual({ category: { in: ['Footwear'] } });
    expect(skuRuleWhere({ categories: [], brands: ['Fjell'] })).toEqual({ brand: { in: ['Fjell'] } });
    expect(skuRuleWhere({ categories: ['Footwear'], brands: ['Fjell'] })).toEqual({
      category: { in: ['Footwear'] },
      brand: { in: ['Fjell'] },
    });
  });
  it('names the brands no product has', () => {
    expect(unknownBrands({ categories: [], brands: ['Fjell', 'Nope'] }, new Set(['Fjell', 'Voltic']))).toEqual(['Nope']);
  });
});
