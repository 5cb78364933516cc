import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';
import { applyPickupOrderStatus, type SetPickupOrderStatusRequest } from '../orders/set-pickup-order-status';
import { insertTaskOnce, type OpenTaskRequest } from './open-task';

export interface OpenPickTaskRequest {
  task: OpenTaskRequest;
  /** The order's move to PICKING (with its lines RESERVED) that goes with the task. */
  order: SetPickupOrderStatusRequest;
}

/**
 * Opens the PICK task and moves the order to PICKING in one transaction: the store never sees a task for
 * an order the list does not show as picking, and the workflow pays one round trip instead of two.
 * Both halves are idempotent (task by key, status repeat is a no-op), so a retry is safe.
 */
export function createOpenPickTask({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function openPickTask(request: OpenPickTaskRequest): Promise<{ taskId: string }> {
    return withTemporalFailures(() =>
      prisma.$transaction(async (tx) => {
        const opened = await insertTaskOnce(tx, request.task);
        await applyPickupOrderStatus(tx, request.order);
        return opened;
      }),
    );
  };
}
