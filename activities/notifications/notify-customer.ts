import { type Prisma } from '../../prisma/client';
import { type ActivityDeps } from '../deps';
import { customerContactOf } from './customer-contact';
import { pickupStoreDetails } from './pickup-store-details';

export interface NotifyCustomerRequest {
  orderId: string;
  /** e.g. `pickup-short-picked`, `pickup-reminder`, `pickup-cancelled`. */
  template: string;
  /** Business key of this message (`notify:<template>:<orderId>[:n]`): a retry never sends twice. */
  idempotencyKey: string;
  data: Record<string, string | number | boolean | null>;
}

/**
 * Queues a message to the order's customer in the notifications outbox; `sendNotification` delivers it.
 * Answers the outbox row (the same one on a retry), or null when the customer cannot be reached.
 */
export function createNotifyCustomer({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function notifyCustomer(request: NotifyCustomerRequest): Promise<{ queued: boolean; notificationId: string | null }> {
    return prisma.$transaction(async (tx) => {
      const contact = await customerContactOf(tx, request.orderId);
      if (contact === null) return { queued: false, notificationId: null };
      // Every message about a pickup order can name its store and deadline; the caller's data wins.
      const store = await pickupStoreDetails(tx, request.orderId);
      const row = await tx.notification.upsert({
        where: { idempotencyKey: request.idempotencyKey },
        create: {
          ...contact,
          template: request.template,
          payload: { orderId: request.orderId, ...store, ...request.data } satisfies Prisma.InputJsonObject,
          idempotencyKey: request.idempotencyKey,
        },
        update: {},
        select: { id: true },
      });
      return { queued: true, notificationId: row.id };
    });
  };
}
