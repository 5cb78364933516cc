import { InvalidDataError } from '../../domain/errors';
import { type PromotionInput } from '../../domain/promotions/promotion-schemas';
import { type Prisma } from '../../prisma/client';
import { resolvePromotionScope, type PromotionScope } from './resolve-promotion-scope';
import { scopeErrors } from './scope-errors';

/** Rows per createMany: 100k SKUs go in a few statements, each far below the bind-parameter limit. */
const INSERT_CHUNK = 10_000;

/** The scope of a promotion input, or a 400 listing every bad SKU, channel, floor breach and conflict. */
export async function checkedScope(
  tx: Prisma.TransactionClient,
  promotionId: string | null,
  input: PromotionInput,
): Promise<PromotionScope> {
  const scope = await resolvePromotionScope(tx, { promotionId, ...input });
  const errors = scopeErrors(scope);
  if (Object.keys(errors).length > 0) throw new InvalidDataError('The promotion cannot be saved as it is', errors);
  return scope;
}

export function promotionColumns(input: PromotionInput) {
  return {
    name: input.name,
    discountType: input.discount.type,
    discountValue: input.discount.value,
    currency: input.currency,
    timeZone: input.timeZone,
    startsLocal: input.startsLocal,
    endsLocal: input.endsLocal,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    categories: input.categories,
    brands: input.brands,
  };
}

/** Replaces the promotion's SKUs and channels with the scope's. */
export async function writePromotionScope(
  tx: Prisma.TransactionClient,
  promotionId: string,
  scope: Pick<PromotionScope, 'productIds' | 'channelIds'>,
) {
  await tx.promotionSku.deleteMany({ where: { promotionId } });
  await tx.promotionChannel.deleteMany({ where: { promotionId } });
  for (let start = 0; start < scope.productIds.length; start += INSERT_CHUNK)
    await tx.promotionSku.createMany({
      data: scope.productIds.slice(start, start + INSERT_CHUNK).map((productId) => ({ promotionId, productId })),
    });
  await tx.promotionChannel.createMany({ data: scope.channelIds.map((channelId) => ({ promotionId, channelId })) });
}
