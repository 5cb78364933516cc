import { type PickupFinalStep, type PickupTimeline } from '../../../domain/pickup/pickup-workflow';
import { type TimelineEntry } from '../../../domain/workflow-kit/timeline';
import { type OrderStatus, type PrismaClient, type TaskStatus, type TaskType } from '../../../prisma/client';

/** Order statuses in which the pickup process has ended, with the step it ended on. */
const finalStepByOrderStatus: Partial<Record<OrderStatus, PickupFinalStep>> = {
  COLLECTED: 'COLLECTED',
  // Later statuses of a collected order (returns happen after the pickup process has finished).
  COMPLETED: 'COLLECTED',
  PARTIALLY_RETURNED: 'COLLECTED',
  RETURNED: 'COLLECTED',
  CANCELLED: 'CANCELLED',
  EXPIRED: 'EXPIRED',
};

/** The step a closed pickup ended on, or null while its process still runs. */
export function finalPickupStepOf(status: OrderStatus): PickupFinalStep | null {
  return finalStepByOrderStatus[status] ?? null;
}

/** Step names as the workflow's own timeline uses them (workflows/pickup/*-phase.ts). */
const stepOfTask: Partial<Record<TaskType, string>> = { CUSTOMER_SERVICE: 'CUSTOMER_DECISION', PICK: 'PICK', HANDOVER: 'AWAIT_COLLECTION' };

const outcomeOfTask: Record<TaskStatus, string> = {
  OPEN: 'Left open',
  CLAIMED: 'Left claimed',
  DONE: 'Completed',
  CANCELLED: 'Closed with the order',
  EXPIRED: 'Expired',
  LOCKED: 'Left locked after wrong codes',
};

const instant = (step: string, at: Date, outcome: string, actor: string | null = null): TimelineEntry => ({
  step,
  startedAt: at.toISOString(),
  endedAt: at.toISOString(),
  actor,
  outcome,
});

/**
 * The timeline of a closed pickup rebuilt from what it left in the tables (order milestones, its tasks,
 * the audited cancellation), for when no worker answers the live query. Coarser than the workflow's own
 * account (reminders and wrong codes are not in the tables), but it never needs Temporal.
 */
export async function readRecordedPickupTimeline(
  prisma: PrismaClient,
  order: { id: string; workflowId: string; finalStep: PickupFinalStep },
): Promise<PickupTimeline> {
  const [record, tasks, cancellation] = await Promise.all([
    prisma.order.findUniqueOrThrow({
      where: { id: order.id },
      select: { readyForPickupAt: true, collectedAt: true, cancelledAt: true, cancelReason: true, pickupStore: { select: { code: true } } },
    }),
    prisma.task.findMany({
      where: { workflowId: order.workflowId },
      orderBy: { createdAt: 'asc' },
      select: { type: true, status: true, createdAt: true, completedAt: true, updatedAt: true, completedBy: { select: { email: true } } },
    }),
    prisma.auditEvent.findFirst({
      // A cancellation the run took after the call's deadline is audited as requested; it is the same person's.
      where: { entityType: 'Order', entityId: order.id, action: { in: ['order.cancel', 'order.cancel-requested'] } },
      orderBy: { createdAt: 'desc' },
      select: { actorLabel: true },
    }),
  ]);

  const entries: TimelineEntry[] = tasks.flatMap((task) => {
    const step = stepOfTask[task.type];
    if (step === undefined) return [];
    const closed = task.status === 'DONE' || task.status === 'CANCELLED' || task.status === 'EXPIRED';
    const endedAt = task.completedAt ?? (closed ? task.updatedAt : null);
    return [
      {
        step,
        startedAt: task.createdAt.toISOString(),
        endedAt: endedAt?.toISOString() ?? null,
        actor: task.completedBy?.email ?? null,
        outcome: outcomeOfTask[task.status],
      },
    ];
  });
  if (record.readyForPickupAt !== null) entries.push(instant('READY', record.readyForPickupAt, 'Ready for pickup'));
  if (record.collectedAt !== null) entries.push(instant('COLLECT', record.collectedAt, 'Collected'));
  if (record.cancelledAt !== null) {
    const expired = order.finalStep === 'EXPIRED';
    entries.push(
      instant(
        expired ? 'EXPIRE' : 'CANCEL',
        record.cancelledAt,
        record.cancelReason ?? (expired ? 'Not collected in time' : 'Cancelled'),
        cancellation?.actorLabel ?? null,
      ),
    );
  }
  entries.sort((left, right) => left.startedAt.localeCompare(right.startedAt));

  return { orderId: order.id, currentStep: order.finalStep, storeCode: record.pickupStore?.code ?? '', openTask: null, entries };
}
