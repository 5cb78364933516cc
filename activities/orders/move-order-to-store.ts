import { ConflictError, NotFoundError } from '../../domain/errors';
import { pickupSettingsFromStore, type PickupSettings } from '../../domain/pickup/pickup-settings';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';

/**
 * The customer chose another pickup store: the order now belongs to it, and the rest of the pickup runs
 * on that store's settings (its pick SLA, reminders and expiry), read now.
 */
export function createMoveOrderToStore({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function moveOrderToStore({
    orderId,
    storeCode,
    maxWrongCodeAttempts,
  }: {
    orderId: string;
    storeCode: string;
    maxWrongCodeAttempts: number;
  }): Promise<{ storeCode: string; settings: PickupSettings }> {
    return withTemporalFailures(async () => {
      const store = await prisma.store.findUnique({ where: { code: storeCode } });
      if (store === null) throw new NotFoundError(`Store ${storeCode} not found`);
      if (!store.active) throw new ConflictError(`Store ${storeCode} is not active`);
      await prisma.order.update({ where: { id: orderId }, data: { pickupStoreId: store.id } });
      return { storeCode: store.code, settings: pickupSettingsFromStore(store, maxWrongCodeAttempts) };
    });
  };
}
