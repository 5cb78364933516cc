import { minorUnits } from '../../../domain/money/minor-units';
import { type Prisma } from '../../../prisma/client';

export const storeCreditInclude = {
  customer: { select: { name: true } },
  issuedAtStore: { select: { name: true } },
  refund: { select: { returnId: true } },
} as const;

export const storeCreditShowInclude = {
  ...storeCreditInclude,
  redemptions: {
    orderBy: { createdAt: 'asc' },
    include: { store: { select: { name: true } }, redeemedBy: { select: { name: true } } },
  },
} as const satisfies Prisma.StoreCreditInclude;

type SummaryRow = Prisma.StoreCreditGetPayload<{ include: typeof storeCreditInclude }>;
type ShowRow = Prisma.StoreCreditGetPayload<{ include: typeof storeCreditShowInclude }>;

/** A store credit as lists show it: amounts as numbers, names for the ids a person reads. */
export function storeCreditSummaryView(row: SummaryRow) {
  return {
    id: row.id,
    code: row.code,
    customerId: row.customerId,
    customerName: row.customer?.name ?? null,
    issuedAtStoreId: row.issuedAtStoreId,
    issuedAtStoreName: row.issuedAtStore.name,
    amountMinor: minorUnits(row.amountMinor),
    balanceMinor: minorUnits(row.balanceMinor),
    currency: row.currency,
    returnId: row.refund?.returnId ?? null,
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
  };
}

/** One store credit with every time it was spent, oldest first. */
export function storeCreditView(row: ShowRow) {
  return {
    ...storeCreditSummaryView(row),
    redemptions: row.redemptions.map((redemption) => ({
      id: redemption.id,
      storeId: redemption.storeId,
      storeName: redemption.store.name,
      amountMinor: minorUnits(redemption.amountMinor),
      receiptNumber: redemption.receiptNumber,
      redeemedByUserId: redemption.redeemedByUserId,
      redeemedByName: redemption.redeemedBy.name,
      createdAt: redemption.createdAt,
    })),
  };
}
