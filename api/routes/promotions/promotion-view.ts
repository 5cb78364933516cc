import { NotFoundError } from '../../../domain/errors';
import { type Prisma, type PrismaClient } from '../../../prisma/client';

export const promotionInclude = {
  channels: { select: { channel: { select: { code: true } } } },
  _count: { select: { skus: true } },
} as const;
export type PromotionRow = Prisma.PromotionGetPayload<{ include: typeof promotionInclude }>;

export function promotionView(row: PromotionRow) {
  const { channels, _count, ...rest } = row;
  return { ...rest, skuCount: _count.skus, channelCodes: channels.map((entry) => entry.channel.code).sort() };
}

export async function findPromotion(prisma: PrismaClient | Prisma.TransactionClient, id: string): Promise<PromotionRow> {
  const row = await prisma.promotion.findUnique({ where: { id }, include: promotionInclude });
  if (row === null) throw new NotFoundError('Promotion not found');
  return row;
}
