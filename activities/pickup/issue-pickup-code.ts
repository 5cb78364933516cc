import { ConflictError, NotFoundError } from '../../domain/errors';
import { DEFAULT_PICKUP_CODE_DIGITS, generatePickupCode, hashPickupCode } from '../../domain/pickup/pickup-code';
import { pickupDeadline } from '../../domain/pickup/pickup-deadline';
import { customerContactOf } from '../notifications/customer-contact';
import { pickupStoreDetails } from '../notifications/pickup-store-details';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';

export interface PickupCodeSettings {
  digits: number;
}

export const defaultPickupCodeSettings: PickupCodeSettings = { digits: DEFAULT_PICKUP_CODE_DIGITS };

/**
 * Makes the order's pickup code and tells the customer, in one transaction: the hash goes on the order,
 * the code itself only into the outbox message (`notify:pickup-ready:<orderId>`). The code is never
 * returned, so it never enters the workflow's history. Running it again after success changes nothing:
 * an order that has a code and its message keeps them (a new code would not match the message sent).
 */
export function createIssuePickupCode({ prisma }: Pick<ActivityDeps, 'prisma'>, settings: PickupCodeSettings = defaultPickupCodeSettings) {
  return async function issuePickupCode({
    orderId,
    storeName,
    pickupExpiryMs,
  }: {
    orderId: string;
    /** The store's code (older runs); the message names the store as its record does. */
    storeName: string;
    /** The run's pickup expiry; absent in runs started before it was passed, whose message then names no deadline. */
    pickupExpiryMs?: number;
  }): Promise<{ customerNotified: boolean; replayed: boolean }> {
    return withTemporalFailures(() =>
      prisma.$transaction(async (tx) => {
        const idempotencyKey = `notify:pickup-ready:${orderId}`;
        const [order] = await tx.$queryRaw<{ pickupCodeHash: string | null; status: string }[]>`
          SELECT pickup_code_hash AS "pickupCodeHash", status::text AS status FROM orders WHERE id = ${orderId}::uuid FOR UPDATE`;
        if (order === undefined) throw new NotFoundError(`Order ${orderId} not found`);
        if (['COLLECTED', 'CANCELLED', 'EXPIRED'].includes(order.status))
          throw new ConflictError(`Order ${orderId} is ${order.status}; no pickup code`);
        const alreadySent = await tx.notification.findUnique({ where: { idempotencyKey }, select: { id: true } });
        if (order.pickupCodeHash !== null && alreadySent !== null) return { customerNotified: true, replayed: true };

        const code = generatePickupCode(settings.digits);
        await tx.order.update({ where: { id: orderId }, data: { pickupCodeHash: await hashPickupCode(code) } });
        const contact = await customerContactOf(tx, orderId);
        if (contact === null) return { customerNotified: false, replayed: false };
        // Where, when it is open and until when, in the store's own zone ("5 Dec 2026, 20:15 WITA"): not "AMS-01".
        // A run started before the expiry was passed names no deadline.
        const deadline = pickupExpiryMs === undefined ? undefined : pickupDeadline(new Date(), pickupExpiryMs);
        const store = await pickupStoreDetails(tx, orderId, deadline);
        const payload = {
          orderId,
          ...(store ?? { storeName, storeAddress: '', openingHours: '' }),
          collectBy: deadline === undefined ? '' : (store?.collectBy ?? ''),
          code,
        };
        await tx.notification.upsert({
          where: { idempotencyKey },
          create: { ...contact, template: 'pickup-ready', payload, idempotencyKey },
          // A message not yet acknowledged by the code's hash (an earlier attempt rolled back) gets the new code.
          update: { payload, status: 'PENDING' },
        });
        return { customerNotified: true, replayed: false };
      }),
    );
  };
}
