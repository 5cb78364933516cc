import { CONFLICTING_STATUSES, promoConflicts, type PromoConflict } from '../../domain/promotions/promo-conflicts';
import { floorBreaches, type FloorBreach } from '../../domain/promotions/promo-floor';
import { NO_ROUNDING, type PromoDiscount } from '../../domain/promotions/promo-price';
import { skuRuleWhere, unknownBrands } from '../../domain/promotions/sku-rule';
import { type Prisma } from '../../prisma/client';

export interface PromotionScopeRequest {
  promotionId: string | null;
  name: string;
  discount: PromoDiscount;
  currency: string;
  startsAt: Date;
  endsAt: Date;
  skus: readonly string[];
  categories: readonly string[];
  /** With `categories`, the rule (domain/promotions/sku-rule.ts): category AND brand when both are set. */
  brands: readonly string[];
  /** Absent: every channel that is not disabled, the stores' POS included. */
  channelCodes?: readonly string[];
}

export interface PromotionScope {
  productIds: string[];
  channelIds: string[];
  unknownSkus: string[];
  /** Brands of the rule that no active product has. */
  unknownBrands: string[];
  unknownChannels: string[];
  wrongCurrencySkus: string[];
  breaches: FloorBreach[];
  conflicts: PromoConflict[];
}

/** Lookups per statement: far below PostgreSQL's bind-parameter limit even for a 100k CSV. */
const LOOKUP_CHUNK = 5_000;

async function productsBySku(tx: Prisma.TransactionClient, skus: readonly string[]) {
  const found: { id: string; sku: string; basePriceMinor: number; floorPriceMinor: number; currency: string }[] = [];
  for (let start = 0; start < skus.length; start += LOOKUP_CHUNK) {
    const chunk = skus.slice(start, start + LOOKUP_CHUNK);
    found.push(
      ...(await tx.product.findMany({
        where: { sku: { in: chunk }, active: true },
        select: { id: true, sku: true, basePriceMinor: true, floorPriceMinor: true, currency: true },
      })),
    );
  }
  return found;
}

/**
 * Everything a promotion would touch, and what is wrong with it: SKUs and channels that do not exist,
 * SKU x channel prices below the floor after each channel's rounding, and other promotions holding the
 * same SKU on the same channel in an overlapping window (docs/promotions.md). Reads only.
 */
export async function resolvePromotionScope(tx: Prisma.TransactionClient, request: PromotionScopeRequest): Promise<PromotionScope> {
  const listed = await productsBySku(tx, request.skus);
  const rule = skuRuleWhere(request);
  const byRule =
    rule === null
      ? []
      : await tx.product.findMany({
          where: { ...rule, active: true },
          select: { id: true, sku: true, basePriceMinor: true, floorPriceMinor: true, currency: true },
        });
  const brandsFound =
    request.brands.length === 0
      ? []
      : await tx.product.findMany({
          where: { brand: { in: [...request.brands] }, active: true },
          select: { brand: true },
          distinct: ['brand'],
        });
  const products = [...new Map([...listed, ...byRule].map((product) => [product.id, product])).values()];
  const knownSkus = new Set(listed.map((product) => product.sku));
  const unknownSkus = request.skus.filter((sku) => !knownSkus.has(sku));

  const channels = await tx.channel.findMany({
    where: request.channelCodes === undefined ? { status: { not: 'DISABLED' } } : { code: { in: [...request.channelCodes] } },
    select: { id: true, code: true },
    orderBy: { code: 'asc' },
  });
  const knownChannels = new Set(channels.map((channel) => channel.code));
  const unknownChannels = (request.channelCodes ?? []).filter((code) => !knownChannels.has(code));
  const roundings = await tx.channelPriceRounding.findMany({ where: { channelId: { in: channels.map((channel) => channel.id) } } });
  const roundingOf = new Map(roundings.map((row) => [row.channelId, { stepMinor: row.stepMinor, endingMinor: row.endingMinor }]));

  const breaches = floorBreaches(
    products,
    request.discount,
    channels.map((channel) => ({ channelCode: channel.code, rounding: roundingOf.get(channel.id) ?? NO_ROUNDING })),
  );
  const others = await tx.promotion.findMany({
    where: {
      status: { in: [...CONFLICTING_STATUSES] },
      startsAt: { lt: request.endsAt },
      endsAt: { gt: request.startsAt },
      ...(request.promotionId !== null && { id: { not: request.promotionId } }),
      channels: { some: { channelId: { in: channels.map((channel) => channel.id) } } },
      ...(products.length <= LOOKUP_CHUNK && { skus: { some: { productId: { in: products.map((product) => product.id) } } } }),
    },
    select: {
      id: true,
      name: true,
      startsAt: true,
      endsAt: true,
      skus: { select: { product: { select: { sku: true } } } },
      channels: { select: { channel: { select: { code: true } } } },
    },
  });
  const conflicts = promoConflicts(
    {
      id: request.promotionId ?? '',
      name: request.name,
      startsAt: request.startsAt,
      endsAt: request.endsAt,
      skus: products.map((p) => p.sku),
      channelCodes: [...knownChannels],
    },
    others.map((other) => ({
      ...other,
      skus: other.skus.map((row) => row.product.sku),
      channelCodes: other.channels.map((row) => row.channel.code),
    })),
  );
  return {
    productIds: products.map((product) => product.id),
    channelIds: channels.map((channel) => channel.id),
    unknownSkus,
    unknownBrands: unknownBrands(request, new Set(brandsFound.map((row) => row.brand ?? ''))),
    unknownChannels,
    wrongCurrencySkus: products.filter((product) => product.currency !== request.currency).map((product) => product.sku),
    breaches,
    conflicts,
  };
}
