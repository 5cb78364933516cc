import { recordAudit } from '../audit/record-audit';
import { type Actor } from '../../domain/auth/roles';
import { ConflictError, InvalidDataError, NotFoundError } from '../../domain/errors';
import { minorUnitExponent, toMajorUnits } from '../../domain/money/currency-exponent';
import { type PrismaClient } from '../../prisma/client';

export interface StoreCreditRedemptionRequest {
  storeCreditId: string;
  /** The store whose till takes the credit. */
  storeId: string;
  amountMinor: number;
  receiptNumber: string;
  actor: Actor;
  requestId?: string;
}

function money(amountMinor: number | bigint, currency: string): string {
  return `${toMajorUnits(Number(amountMinor), currency).toFixed(minorUnitExponent(currency))} ${currency}`;
}

/**
 * Spends store credit at a till, in one transaction with the credit's row locked (two tills spending the
 * same code queue up; the trigger and CHECK behind it refuse an overspend even without this lock). The
 * same receipt again with the same amount at the same store is the same redemption (a retried request:
 * `replayed`), with anything else a 409; more than the balance, another currency than the till's, or an
 * expired credit is refused with nothing written.
 */
export async function redeemStoreCredit(prisma: PrismaClient, request: StoreCreditRedemptionRequest): Promise<{ replayed: boolean }> {
  const { storeCreditId, storeId, amountMinor, receiptNumber, actor, requestId } = request;
  return prisma.$transaction(async (tx) => {
    const [credit] = await tx.$queryRaw<{ code: string; balance_minor: bigint; currency: string; expires_at: Date | null }[]>`
      SELECT code, balance_minor, currency, expires_at FROM store_credits WHERE id = ${storeCreditId}::uuid FOR UPDATE`;
    if (credit === undefined) throw new NotFoundError('Store credit not found');
    const store = await tx.store.findUnique({ where: { id: storeId }, select: { currency: true, active: true } });
    if (store === null || !store.active) throw new InvalidDataError('Unknown store', { storeId: 'no active store with this id' });

    const earlier = await tx.storeCreditRedemption.findUnique({ where: { storeCreditId_receiptNumber: { storeCreditId, receiptNumber } } });
    if (earlier !== null) {
      if (earlier.amountMinor === BigInt(amountMinor) && earlier.storeId === storeId) return { replayed: true };
      throw new ConflictError(
        `Receipt ${receiptNumber} already took ${money(earlier.amountMinor, credit.currency)} of this store credit; use another receipt number`,
      );
    }
    if (store.currency !== credit.currency)
      throw new ConflictError(`This store credit is in ${credit.currency}; this store's till takes ${store.currency}`);
    if (credit.expires_at !== null && credit.expires_at.getTime() <= Date.now())
      throw new ConflictError(`This store credit expired on ${credit.expires_at.toISOString().slice(0, 10)}`);
    if (BigInt(amountMinor) > credit.balance_minor)
      throw new InvalidDataError('More than the store credit has left', {
        amountMinor: `only ${money(credit.balance_minor, credit.currency)} left on ${credit.code}`,
      });

    const redemption = await tx.storeCreditRedemption.create({
      data: { storeCreditId, storeId, amountMinor: BigInt(amountMinor), receiptNumber, redeemedByUserId: actor.userId },
    });
    await recordAudit(tx, {
      actor,
      action: 'store-credit.redeem',
      entityType: 'StoreCredit',
      entityId: storeCreditId,
      before: { balanceMinor: Number(credit.balance_minor) },
      after: { balanceMinor: Number(credit.balance_minor) - amountMinor, amountMinor, receiptNumber, storeId, redemptionId: redemption.id },
      requestId,
    });
    return { replayed: false };
  });
}
