import { Prisma } from '../../prisma/client';

/**
 * The promo price a channel must show for a SKU, in SQL: the same arithmetic as
 * domain/promotions/promo-price.ts (percent in integers rounded down, amount off, fixed price; then the
 * channel's endings rounded down), so a metric never needs the rows in Node. The test compares both.
 */
export function promoPriceSql(base: Prisma.Sql, type: Prisma.Sql, value: Prisma.Sql, step: Prisma.Sql, ending: Prisma.Sql): Prisma.Sql {
  const discounted = Prisma.sql`(CASE ${type}::text
      WHEN 'PERCENT' THEN (${base}::bigint * (100 - ${value})) / 100
      WHEN 'FIXED' THEN ${base}::bigint - ${value}
      ELSE ${value}::bigint END)`;
  return Prisma.sql`(floor((${discounted} - ${ending})::numeric / ${step})::bigint * ${step} + ${ending})`;
}

export interface PairFilter {
  productIds?: readonly string[];
  channelIds?: readonly string[];
}

function inIds(column: Prisma.Sql, ids: readonly string[] | undefined): Prisma.Sql {
  if (ids === undefined) return Prisma.sql`TRUE`;
  if (ids.length === 0) return Prisma.sql`FALSE`;
  return Prisma.sql`${column} IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))})`;
}

/**
 * One row per SKU x channel (every listing of an active product on a channel that is not disabled, and
 * every pair a promotion touched): the price we expect it to show now and the latest read-back of it.
 *
 * Expected: the promo price of the ACTIVE promotion covering the pair at `now` (conflict rules allow at
 * most one), otherwise the price we published to the channel, otherwise the product's base price.
 *
 * Latest read-back, whichever is newest: the stock sync's read-back of the listing (`last_verified_at`,
 * it reads the price too), a promotion push's proof (`applied_at`: read back at its new price) or a
 * push that read-back still showed wrong after the re-pushes (FAILED: the price shown is not kept, only
 * that it differed), and a "check now" from the price consistency view (price_readbacks).
 */
export function pricePairsSql(filter: PairFilter, now: Date): Prisma.Sql {
  return Prisma.sql`
    WITH pairs AS (
      SELECT l.channel_id, l.product_id FROM channel_listings l
      JOIN products p ON p.id = l.product_id AND p.active
      JOIN channels c ON c.id = l.channel_id AND c.status <> 'DISABLED'
      WHERE ${inIds(Prisma.sql`l.product_id`, filter.productIds)} AND ${inIds(Prisma.sql`l.channel_id`, filter.channelIds)}
      UNION
      SELECT pc.channel_id, pc.product_id FROM price_changes pc
      WHERE pc.promotion_id IS NOT NULL
        AND ${inIds(Prisma.sql`pc.product_id`, filter.productIds)} AND ${inIds(Prisma.sql`pc.channel_id`, filter.channelIds)}
    ), observations AS (
      SELECT l.channel_id, l.product_id, l.verified_price_minor AS shown_price_minor, l.verified_price_minor IS NOT NULL AS listed,
        false AS unknown_price, l.last_verified_at AS observed_at, 'STOCK_SYNC' AS source
      FROM channel_listings l JOIN pairs USING (channel_id, product_id) WHERE l.last_verified_at IS NOT NULL
      UNION ALL
      SELECT pc.channel_id, pc.product_id, pc.new_price_minor, true, false, pc.applied_at, 'PROMOTION_PUSH'
      FROM price_changes pc JOIN pairs USING (channel_id, product_id) WHERE pc.applied_at IS NOT NULL
      UNION ALL
      SELECT pc.channel_id, pc.product_id, NULL, true, true, pc.updated_at, 'PROMOTION_PUSH'
      FROM price_changes pc JOIN pairs USING (channel_id, product_id) WHERE pc.status = 'FAILED'
      UNION ALL
      SELECT r.channel_id, r.product_id, r.price_minor, r.listed, false, r.checked_at, 'CHECK_NOW'
      FROM price_readbacks r JOIN pairs USING (channel_id, product_id)
    ), latest AS (
      SELECT DISTINCT ON (channel_id, product_id) * FROM observations
      ORDER BY channel_id, product_id, observed_at DESC
    ), promoted AS (
      SELECT DISTINCT ON (pch.channel_id, ps.product_id) pch.channel_id, ps.product_id, pr.id AS promotion_id, pr.name AS promotion_name,
        ${promoPriceSql(
          Prisma.sql`p.base_price_minor`,
          Prisma.sql`pr.discount_type`,
          Prisma.sql`pr.discount_value`,
          Prisma.sql`COALESCE(r.step_minor, 1)`,
          Prisma.sql`COALESCE(r.ending_minor, 0)`,
        )} AS promo_price_minor
      FROM promotions pr
      JOIN promotion_skus ps ON ps.promotion_id = pr.id
      JOIN promotion_channels pch ON pch.promotion_id = pr.id
      JOIN pairs ON pairs.channel_id = pch.channel_id AND pairs.product_id = ps.product_id
      JOIN products p ON p.id = ps.product_id
      LEFT JOIN channel_price_roundings r ON r.channel_id = pch.channel_id
      WHERE pr.status = 'ACTIVE' AND pr.starts_at <= ${now} AND pr.ends_at > ${now}
      ORDER BY pch.channel_id, ps.product_id, pr.starts_at DESC
    )
    SELECT pairs.channel_id AS "channelId", pairs.product_id AS "productId",
      p.sku, p.name AS "productName", p.currency,
      COALESCE(promoted.promo_price_minor, l.published_price_minor, p.base_price_minor)::int AS "expectedPriceMinor",
      CASE WHEN promoted.promotion_id IS NOT NULL THEN 'PROMOTION'
           WHEN l.published_price_minor IS NOT NULL THEN 'PUBLISHED' ELSE 'BASE' END AS "expectedSource",
      promoted.promotion_id AS "promotionId", promoted.promotion_name AS "promotionName",
      latest.shown_price_minor AS "shownPriceMinor", latest.listed, latest.observed_at AS "checkedAt", latest.source AS "checkSource",
      CASE WHEN latest.observed_at IS NULL THEN NULL
           WHEN latest.unknown_price OR NOT latest.listed THEN false
           ELSE latest.shown_price_minor = COALESCE(promoted.promo_price_minor, l.published_price_minor, p.base_price_minor) END AS consistent
    FROM pairs
    JOIN products p ON p.id = pairs.product_id
    LEFT JOIN channel_listings l ON l.channel_id = pairs.channel_id AND l.product_id = pairs.product_id
    LEFT JOIN latest ON latest.channel_id = pairs.channel_id AND latest.product_id = pairs.product_id
    LEFT JOIN promoted ON promoted.channel_id = pairs.channel_id AND promoted.product_id = pairs.product_id`;
}

export interface PricePairRow {
  channelId: string;
  productId: string;
  sku: string;
  productName: string;
  currency: string;
  expectedPriceMinor: number;
  expectedSource: 'PROMOTION' | 'PUBLISHED' | 'BASE';
  promotionId: string | null;
  promotionName: string | null;
  shownPriceMinor: number | null;
  listed: boolean | null;
  checkedAt: Date | null;
  checkSource: 'STOCK_SYNC' | 'PROMOTION_PUSH' | 'CHECK_NOW' | null;
  consistent: boolean | null;
}
