/**
 * The rule part of a promotion's SKU selection (docs/promotions.md): every active product of one of the
 * `categories` and of one of the `brands`. An empty list does not narrow, so categories alone are "every
 * product of these categories", brands alone "every product of these brands", and both "category X AND
 * brand Y" (for instance every Fjell product in Footwear). No category and no brand: no rule at all.
 * The listed SKUs of a promotion come on top of what the rule selects.
 */
export interface SkuRule {
  categories: readonly string[];
  brands: readonly string[];
}

export interface RuleProduct {
  category: string;
  brand: string | null;
}

export function hasSkuRule(rule: SkuRule): boolean {
  return rule.categories.length > 0 || rule.brands.length > 0;
}

/** Whether a product is one the rule selects (the same test as `skuRuleWhere` in SQL). */
export function matchesSkuRule(product: RuleProduct, rule: SkuRule): boolean {
  if (!hasSkuRule(rule)) return false;
  const categoryFits = rule.categories.length === 0 || rule.categories.includes(product.category);
  const brandFits = rule.brands.length === 0 || (product.brand !== null && rule.brands.includes(product.brand));
  return categoryFits && brandFits;
}

/** The rule as a product filter (Prisma's `where` shape, active products added by the caller); null: no rule. */
export function skuRuleWhere(rule: SkuRule): { category?: { in: string[] }; brand?: { in: string[] } } | null {
  if (!hasSkuRule(rule)) return null;
  return {
    ...(rule.categories.length > 0 && { category: { in: [...rule.categories] } }),
    ...(rule.brands.length > 0 && { brand: { in: [...rule.brands] } }),
  };
}

/** The brands a rule names that no active product has: each is a field error `brands.<brand>`. */
export function unknownBrands(rule: SkuRule, knownBrands: ReadonlySet<string>): string[] {
  return rule.brands.filter((brand) => !knownBrands.has(brand));
}
