import { type PrismaClient } from '../../../prisma/client';

/**
 * The order behind a run, found through the workflow-start outbox (`workflow_starts.order_id`), which every
 * workflow started for an order writes whatever its type: so the list can show and search order numbers and
 * customers without knowing any workflow type.
 */
export interface RunOrder {
  orderId: string;
  orderNumber: string;
  customerName: string | null;
}

/** Runs whose order number starts with, or whose customer's name contains, `text` (newest starts first). */
export async function workflowIdsOfOrdersMatching(prisma: PrismaClient, text: string, limit: number): Promise<string[]> {
  const starts = await prisma.workflowStart.findMany({
    where: {
      order: {
        OR: [{ externalId: { startsWith: text, mode: 'insensitive' } }, { customer: { name: { contains: text, mode: 'insensitive' } } }],
      },
    },
    select: { workflowId: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take: limit,
  });
  return starts.map((start) => start.workflowId);
}

export async function ordersOfRuns(prisma: PrismaClient, workflowIds: string[]): Promise<Map<string, RunOrder>> {
  if (workflowIds.length === 0) return new Map();
  const starts = await prisma.workflowStart.findMany({
    where: { workflowId: { in: workflowIds }, orderId: { not: null } },
    select: { workflowId: true, order: { select: { id: true, externalId: true, customer: { select: { name: true } } } } },
  });
  return new Map(
    starts.flatMap((start) =>
      start.order === null
        ? []
        : [
            [
              start.workflowId,
              { orderId: start.order.id, orderNumber: start.order.externalId, customerName: start.order.customer?.name ?? null },
            ],
          ],
    ),
  );
}
