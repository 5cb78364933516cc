import { type Prisma } from '../../prisma/client';
import { type ApprovalSubjectView } from '../approvals/approval-subjects';
import { minorUnitExponent } from '../../domain/money/currency-exponent';

/** A promotion as approvals show and compare it: what a second ops lead checks before saying yes. */
export async function loadPromotionSubject(tx: Prisma.TransactionClient, id: string): Promise<ApprovalSubjectView | null> {
  const promotion = await tx.promotion.findUnique({
    where: { id },
    include: { channels: { select: { channel: { select: { code: true } } } }, _count: { select: { skus: true } } },
  });
  if (promotion === null) return null;
  const money = moneyText(promotion.discountValue, promotion.currency);
  const discount =
    promotion.discountType === 'PERCENT'
      ? `${promotion.discountValue}% off`
      : promotion.discountType === 'FIXED'
        ? `${money} off`
        : `at ${money}`;
  const channels = promotion.channels.map((row) => row.channel.code).sort();
  return {
    version: promotion.version,
    storeId: null,
    summary: `${promotion.name} (version ${promotion.version}): ${promotion._count.skus} SKUs ${discount} on ${channels.length} channels, ${promotion.startsLocal} to ${promotion.endsLocal} ${promotion.timeZone}`,
    fields: {
      name: promotion.name,
      discountType: promotion.discountType,
      discountValue: promotion.discountValue,
      currency: promotion.currency,
      timeZone: promotion.timeZone,
      startsLocal: promotion.startsLocal,
      endsLocal: promotion.endsLocal,
      startsAt: promotion.startsAt.toISOString(),
      endsAt: promotion.endsAt.toISOString(),
      skus: promotion._count.skus,
      categories: promotion.categories.join(', '),
      brands: promotion.brands.join(', '),
      channels: channels.join(', '),
    },
  };
}

/** "€5.00" / "IDR 10,000.00": the amount in major units (the approver reads money, not minor units). */
function moneyText(amountMinor: number, currency: string): string {
  const exponent = minorUnitExponent(currency);
  return new Intl.NumberFormat('en-GB', {
    style: 'currency',
    currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  }).format(amountMinor / 10 ** exponent);
}
