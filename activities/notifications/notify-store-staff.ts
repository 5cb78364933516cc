import { NotFoundError } from '../../domain/errors';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';

export interface NotifyStoreStaffRequest {
  storeCode: string;
  /** Only the store's managers (escalations), or all its active staff (reminders). */
  managersOnly: boolean;
  template: string;
  /** Per-user keys are derived from it (`<key>:<userId>`), so a retry never e-mails anyone twice. */
  idempotencyKey: string;
  data: Record<string, string | number | boolean | null>;
}

/** Queues an e-mail to the store's staff in the notifications outbox; answers the rows, for `sendNotification`. */
export function createNotifyStoreStaff({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function notifyStoreStaff(request: NotifyStoreStaffRequest): Promise<{ recipients: number; notificationIds: string[] }> {
    return withTemporalFailures(async () => {
      const store = await prisma.store.findUnique({ where: { code: request.storeCode }, select: { id: true } });
      if (store === null) throw new NotFoundError(`Store ${request.storeCode} not found`);
      const staff = await prisma.user.findMany({
        where: { storeId: store.id, active: true, role: 'STORE_STAFF', ...(request.managersOnly && { isStoreManager: true }) },
        select: { id: true, email: true },
      });
      await prisma.notification.createMany({
        data: staff.map((user) => ({
          channel: 'EMAIL' as const,
          recipient: user.email,
          template: request.template,
          payload: { storeCode: request.storeCode, ...request.data },
          idempotencyKey: `${request.idempotencyKey}:${user.id}`,
        })),
        skipDuplicates: true,
      });
      const queued = await prisma.notification.findMany({
        where: { idempotencyKey: { in: staff.map((user) => `${request.idempotencyKey}:${user.id}`) } },
        select: { id: true },
        orderBy: { idempotencyKey: 'asc' },
      });
      return { recipients: staff.length, notificationIds: queued.map((row) => row.id) };
    });
  };
}
