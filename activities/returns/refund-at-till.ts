import { randomBytes } from 'node:crypto';
import { ConflictError } from '../../domain/errors';
import { RETURN_ACTOR } from '../../domain/returns/return-workflow';
import { type ActivityDeps } from '../deps';
import { type ReturnRefundContext } from './return-refund-row';

export interface TillRefund {
  via: 'CASH' | 'STORE_CREDIT';
  /** What the refund row records as its reference: `cash:<movementId>` or `store-credit:<code>`. */
  reference: string;
}

/** Eight characters a clerk can read out and type: no 0/O, 1/I. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function storeCreditCode(): string {
  const bytes = randomBytes(8);
  const chars = [...bytes].map((byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length] ?? 'X');
  return `SC-${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/**
 * A till sale's refund at the receiving store, in one transaction with its refund row (locked first, so
 * two attempts of the activity queue up): CASH writes the cash paid out of that store's till
 * (`cash_movements`, negative), STORE_CREDIT issues store credit to the customer (`store_credits`, with a
 * code for the till). Keyed by the refund's key, so however often it runs the customer gets it once; a
 * row already SUCCEEDED answers what it recorded.
 */
export async function refundAtTill(prisma: ActivityDeps['prisma'], context: ReturnRefundContext, workflowId: string): Promise<TillRefund> {
  const { row, idempotencyKey, till } = context;
  if (till.storeId === null) throw new ConflictError(`Return of refund ${row.id} has no receiving store: nothing to pay out at`);
  const storeId = till.storeId;
  return prisma.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ status: string; external_ref: string | null }[]>`
      SELECT status::text AS status, external_ref FROM refunds WHERE id = ${row.id}::uuid FOR UPDATE`;
    if (locked?.status === 'SUCCEEDED' && locked.external_ref !== null)
      return { via: locked.external_ref.startsWith('store-credit:') ? 'STORE_CREDIT' : 'CASH', reference: locked.external_ref };
    let reference: string;
    let via: TillRefund['via'];
    if (till.method === 'STORE_CREDIT') {
      const credit = await tx.storeCredit.upsert({
        where: { idempotencyKey: `store-credit:${idempotencyKey}` },
        create: {
          code: storeCreditCode(),
          customerId: till.customerId,
          issuedAtStoreId: storeId,
          amountMinor: row.amountMinor,
          balanceMinor: row.amountMinor,
          currency: row.currency,
          refundId: row.id,
          idempotencyKey: `store-credit:${idempotencyKey}`,
        },
        update: {},
      });
      via = 'STORE_CREDIT';
      reference = `store-credit:${credit.code}`;
    } else {
      const movement = await tx.cashMovement.upsert({
        where: { idempotencyKey: `cash:${idempotencyKey}` },
        create: {
          storeId,
          kind: 'RETURN_REFUND',
          amountMinor: -row.amountMinor,
          currency: row.currency,
          refundId: row.id,
          reason: row.reason,
          actorLabel: RETURN_ACTOR.label,
          workflowId,
          idempotencyKey: `cash:${idempotencyKey}`,
        },
        update: {},
      });
      via = 'CASH';
      reference = `cash:${movement.id}`;
    }
    await tx.refund.update({
      where: { id: row.id },
      data: { status: 'SUCCEEDED', externalRef: reference, completedAt: new Date(), failureReason: null },
    });
    return { via, reference };
  });
}
