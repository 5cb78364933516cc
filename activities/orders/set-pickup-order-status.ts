import { recordAudit } from '../../db/audit/record-audit';
import { ConflictError } from '../../domain/errors';
import { type ProcessActor } from '../../domain/workflow-kit/process-actor';
import { type OrderLineStatus, type OrderStatus, type Prisma } from '../../prisma/client';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';

export type PickupOrderStatus = Extract<
  OrderStatus,
  'RESERVED' | 'AWAITING_CUSTOMER_DECISION' | 'PICKING' | 'READY_FOR_PICKUP' | 'COLLECTED' | 'CANCELLED' | 'EXPIRED'
>;

export interface SetPickupOrderStatusRequest {
  orderId: string;
  status: PickupOrderStatus;
  /** Line changes that go with the status (picked quantities, fulfilled, cancelled). */
  lines?: { lineId: string; status: OrderLineStatus; pickedQuantity?: number }[];
  cancelReason?: string;
  /** Who asked for the change (a person's or a channel's cancellation): audited in the same transaction. */
  actor?: ProcessActor;
  requestId?: string;
}

const auditActions: Partial<Record<OrderStatus, string>> = {
  CANCELLED: 'order.cancel',
  EXPIRED: 'order.expire',
  COLLECTED: 'order.collect',
};

const finalStatuses: readonly OrderStatus[] = ['COLLECTED', 'CANCELLED', 'EXPIRED'];

/**
 * Moves the order (the read model the UI lists) to the workflow's step, with the timestamp that step
 * owns, in one transaction with its lines. Repeating the same status is a no-op; leaving a final status
 * is refused, so a late retry can never reopen a collected or cancelled order. The pickup code's hash is
 * dropped once the order is closed: the code must not open anything any more.
 */
export function createSetPickupOrderStatus({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function setPickupOrderStatus(request: SetPickupOrderStatusRequest): Promise<{ status: OrderStatus; changed: boolean }> {
    return withTemporalFailures(() => prisma.$transaction((tx) => applyPickupOrderStatus(tx, request)));
  };
}

/** The status change itself, inside the caller's transaction (see open-pick-task.ts). */
export async function applyPickupOrderStatus(
  tx: Prisma.TransactionClient,
  request: SetPickupOrderStatusRequest,
): Promise<{ status: OrderStatus; changed: boolean }> {
  const [current] = await tx.$queryRaw<
    { status: OrderStatus; workflow_id: string | null }[]
  >`SELECT status::text AS status, workflow_id FROM orders WHERE id = ${request.orderId}::uuid FOR UPDATE`;
  if (current === undefined) throw new ConflictError(`Order ${request.orderId} no longer exists`);
  if (current.status === request.status) return { status: current.status, changed: false };
  if (finalStatuses.includes(current.status)) throw new ConflictError(`Order ${request.orderId} is already ${current.status}`);

  const closing = finalStatuses.includes(request.status);
  const data: Prisma.OrderUpdateInput = {
    status: request.status,
    ...(request.status === 'READY_FOR_PICKUP' && { readyForPickupAt: new Date() }),
    ...(request.status === 'COLLECTED' && { collectedAt: new Date() }),
    ...((request.status === 'CANCELLED' || request.status === 'EXPIRED') && {
      cancelledAt: new Date(),
      cancelReason: request.cancelReason ?? null,
    }),
    ...(closing && { pickupCodeHash: null }),
  };
  await tx.order.update({ where: { id: request.orderId }, data });
  for (const line of request.lines ?? []) {
    await tx.orderLine.update({
      where: { id: line.lineId, orderId: request.orderId },
      data: { status: line.status, ...(line.pickedQuantity !== undefined && { pickedQuantity: line.pickedQuantity }) },
    });
  }
  const action = auditActions[request.status];
  if (request.actor !== undefined && action !== undefined) {
    await recordAudit(tx, {
      actor: request.actor,
      action,
      entityType: 'Order',
      entityId: request.orderId,
      before: { status: current.status },
      after: { status: request.status, ...(request.cancelReason !== undefined && { reason: request.cancelReason }) },
      workflowId: current.workflow_id ?? undefined,
      requestId: request.requestId,
    });
  }
  return { status: request.status, changed: true };
}
