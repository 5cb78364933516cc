import { type Prisma } from '../../prisma/client';
import { type ActivityDeps } from '../deps';
import { customerContactOf } from './customer-contact';

export interface NotifyCustomerRequest {
  orderId: string;
  /** e.g. `pickup-short-picked`, `pickup-reminder`, `pickup-cancelled`. */
  template: string;
  /** Business key of this message (`notify:<template>:<orderId>[:n]`): a retry never sends twice. */
  idempotencyKey: string;
  data: Record<string, string | number | boolean | null>;
}

/**
 * Queues a message to the order's customer in the notifications outbox; the outbox delivers it. Answers
 * whether anything was queued (false when the customer cannot be reached).
 */
export function createNotifyCustomer({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function notifyCustomer(request: NotifyCustomerRequest): Promise<{ queued: boolean }> {
    return prisma.$transaction(async (tx) => {
      const contact = await customerContactOf(tx, request.orderId);
      if (contact === null) return { queued: false };
      await tx.notification.createMany({
        data: [{ ...contact, template: request.template, payload: { orderId: request.orderId, ...request.data } satisfies Prisma.InputJsonObject, idempotencyKey: request.idempotencyKey }],
        skipDuplicates: true,
      });
      return { queued: true };
    });
  };
}
