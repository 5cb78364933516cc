import { type PrismaClient } from '../../prisma/client';
import { type PromotionPushPhase } from './push-promotion-page';

export interface PriceOutcome {
  productId: string;
  sku: string;
  priceMinor: number;
  previousMinor: number;
}

export interface PriceChangeRecord {
  promotionId: string;
  channelId: string;
  channelCode: string;
  phase: PromotionPushPhase;
  currency: string;
  verified: PriceOutcome[];
  failed: PriceOutcome[];
}

export function priceChangeKey(phase: PromotionPushPhase, promotionId: string, channelCode: string, sku: string): string {
  return `${phase === 'APPLY' ? 'price' : 'restore'}:${promotionId}:${channelCode}:${sku}`;
}

/**
 * One PriceChange per promotion, channel, SKU and phase (unique key): APPLIED once read-back shows it,
 * FAILED while it does not. A restore that is verified marks the promotion's own change REVERTED.
 */
export async function recordPriceChanges(prisma: PrismaClient, record: PriceChangeRecord): Promise<void> {
  const now = new Date();
  const rows = (outcomes: PriceOutcome[], status: 'APPLIED' | 'FAILED') =>
    outcomes.map((outcome) => ({
      promotionId: record.promotionId,
      channelId: record.channelId,
      productId: outcome.productId,
      oldPriceMinor: outcome.previousMinor,
      newPriceMinor: outcome.priceMinor,
      currency: record.currency,
      status,
      appliedAt: status === 'APPLIED' ? now : null,
      failureReason: status === 'FAILED' ? 'read-back still shows another price after the re-pushes' : null,
      idempotencyKey: priceChangeKey(record.phase, record.promotionId, record.channelCode, outcome.sku),
    }));
  const keys = (outcomes: PriceOutcome[]) =>
    outcomes.map((outcome) => priceChangeKey(record.phase, record.promotionId, record.channelCode, outcome.sku));
  await prisma.$transaction(
    async (tx) => {
      await tx.priceChange.createMany({
        data: [...rows(record.verified, 'APPLIED'), ...rows(record.failed, 'FAILED')],
        skipDuplicates: true,
      });
      await tx.priceChange.updateMany({
        where: { idempotencyKey: { in: keys(record.verified) }, status: 'FAILED' },
        data: { status: 'APPLIED', appliedAt: now, failureReason: null },
      });
      if (record.phase === 'RESTORE' && record.verified.length > 0)
        await tx.priceChange.updateMany({
          where: {
            idempotencyKey: {
              in: record.verified.map((outcome) => priceChangeKey('APPLY', record.promotionId, record.channelCode, outcome.sku)),
            },
            status: 'APPLIED',
          },
          data: { status: 'REVERTED', revertedAt: now },
        });
      // A page of thousands of rows on a loaded database outlasts Prisma's 5 s default; a retry would redo the page's reads.
    },
    { timeout: 60_000 },
  );
}
