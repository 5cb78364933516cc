import { NotFoundError } from '../../domain/errors';
import { NO_ROUNDING, promoPriceMinor, type PromoDiscount } from '../../domain/promotions/promo-price';
import { type PrismaClient } from '../../prisma/client';

export interface PageSku {
  productId: string;
  sku: string;
  basePriceMinor: number;
  /** What the channel showed before the promotion (snapshot); null when not taken yet or unlisted. */
  snapshotPriceMinor: number | null;
  snapshotTaken: boolean;
}

export interface PromotionPage {
  channel: { id: string; code: string; maxBatchSize: number };
  promotion: { id: string; currency: string; discount: PromoDiscount };
  rounding: { stepMinor: number; endingMinor: number };
  skus: PageSku[];
}

/** One page of a promotion's SKUs for one channel, by product id after the cursor, with their snapshots. */
export async function readPromotionPage(
  prisma: PrismaClient,
  input: { promotionId: string; channelCode: string; afterProductId: string | null; limit: number },
): Promise<PromotionPage> {
  const channel = await prisma.channel.findUnique({
    where: { code: input.channelCode },
    select: { id: true, code: true, maxBatchSize: true },
  });
  if (channel === null) throw new NotFoundError(`no channel "${input.channelCode}"`);
  const promotion = await prisma.promotion.findUnique({
    where: { id: input.promotionId },
    select: { id: true, currency: true, discountType: true, discountValue: true },
  });
  if (promotion === null) throw new NotFoundError(`Promotion ${input.promotionId} not found`);
  const rows = await prisma.promotionSku.findMany({
    where: { promotionId: input.promotionId, ...(input.afterProductId !== null && { productId: { gt: input.afterProductId } }) },
    orderBy: { productId: 'asc' },
    take: input.limit,
    select: { productId: true, product: { select: { sku: true, basePriceMinor: true } } },
  });
  const snapshots = await prisma.promotionPriceSnapshot.findMany({
    where: { promotionId: input.promotionId, channelId: channel.id, productId: { in: rows.map((row) => row.productId) } },
  });
  const snapshotOf = new Map(snapshots.map((row) => [row.productId, row]));
  const rounding = await prisma.channelPriceRounding.findUnique({ where: { channelId: channel.id } });
  return {
    channel,
    promotion: {
      id: promotion.id,
      currency: promotion.currency,
      discount: { type: promotion.discountType, value: promotion.discountValue },
    },
    rounding: rounding === null ? NO_ROUNDING : { stepMinor: rounding.stepMinor, endingMinor: rounding.endingMinor },
    skus: rows.map((row) => ({
      productId: row.productId,
      sku: row.product.sku,
      basePriceMinor: row.product.basePriceMinor,
      snapshotPriceMinor: snapshotOf.get(row.productId)?.priceMinor ?? null,
      snapshotTaken: snapshotOf.has(row.productId),
    })),
  };
}

export function promoPriceOf(page: PromotionPage, sku: PageSku): number {
  return promoPriceMinor(sku.basePriceMinor, page.promotion.discount, page.rounding);
}
