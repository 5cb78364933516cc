import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import { pickupWorkflowId } from '../../domain/pickup/pickup-workflow';
import { type PrismaClient } from '../../prisma/client';

export interface StormOutcome {
  ordersAccepted: number;
  byStatus: Record<string, number>;
  /** Accepted pickup orders still RECEIVED with no run (the 166 / 252). */
  strandedWithoutRun: number;
  /** Orders whose row (workflow_id, start status) and Temporal disagree about whether the run exists. */
  disagreeing: string[];
  startsPending: number;
  startsFailed: number;
  /** Refund rows against payments that never took money (PENDING, AUTHORIZED, VOIDED). */
  refundsOfUncapturedMoney: number;
  refunds: Record<string, number>;
  paymentsByStatus: Record<string, number>;
  /** Cancelled orders whose captured payment was neither refunded nor under refund (the 8). */
  cancelledCapturedNotRefunded: number;
  reservedUnits: number;
  ledgerMatchesLevels: boolean;
}

/**
 * What the storm left behind, read from the tables and from Temporal itself: every order's run must
 * exist exactly when its row says so, none accepted may be left without one, and no refund may be for
 * money that was never taken.
 */
export async function auditStorm(prisma: PrismaClient, client: Client, sku: string): Promise<StormOutcome> {
  const orders = await prisma.order.findMany({
    select: { id: true, status: true, fulfilmentType: true, workflowId: true, workflowStarts: { select: { status: true } } },
  });
  const byStatus: Record<string, number> = {};
  for (const order of orders) byStatus[order.status] = (byStatus[order.status] ?? 0) + 1;
  const disagreeing: string[] = [];
  for (const order of orders.filter((candidate) => candidate.fulfilmentType === 'PICKUP')) {
    let exists = true;
    try {
      await client.workflow.getHandle(pickupWorkflowId(order.id)).describe();
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      exists = false;
    }
    const rowSaysRun = order.workflowId !== null;
    const startSaysRun = order.workflowStarts[0]?.status === 'STARTED';
    if (rowSaysRun !== exists || startSaysRun !== exists)
      disagreeing.push(
        `${order.id}: temporal ${exists ? 'has' : 'has no'} run, workflow_id ${order.workflowId ?? 'null'}, start ${order.workflowStarts[0]?.status ?? 'none'}`,
      );
  }
  const [uncaptured] = await prisma.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM refunds r JOIN payments p ON p.id = r.payment_id
    WHERE p.status IN ('PENDING', 'AUTHORIZED', 'VOIDED') OR p.provider IN ('pay-at-pickup', 'pay-on-delivery')`;
  const [notRefunded] = await prisma.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM orders o JOIN payments p ON p.order_id = o.id
    WHERE o.status = 'CANCELLED' AND p.status = 'CAPTURED'
      AND NOT EXISTS (SELECT 1 FROM refunds r WHERE r.payment_id = p.id AND r.status IN ('SUCCEEDED', 'PENDING'))`;
  const refunds = await prisma.refund.groupBy({ by: ['status'], _count: true });
  const payments = await prisma.payment.groupBy({ by: ['status'], _count: true });
  const starts = await prisma.workflowStart.groupBy({ by: ['status'], _count: true });
  const [stock] = await prisma.$queryRaw<{ reserved: number; ledger: number; levels: number; ledgerOnHand: number }[]>`
    SELECT
      (SELECT coalesce(sum(l.reserved), 0)::int FROM inventory_levels l JOIN products p ON p.id = l.product_id WHERE p.sku = ${sku}) AS reserved,
      (SELECT coalesce(sum(m.delta_reserved), 0)::int FROM inventory_movements m JOIN products p ON p.id = m.product_id WHERE p.sku = ${sku}) AS ledger,
      (SELECT coalesce(sum(l.on_hand), 0)::int FROM inventory_levels l JOIN products p ON p.id = l.product_id WHERE p.sku = ${sku}) AS levels,
      (SELECT coalesce(sum(m.delta_on_hand), 0)::int FROM inventory_movements m JOIN products p ON p.id = m.product_id WHERE p.sku = ${sku}) AS "ledgerOnHand"`;
  return {
    ordersAccepted: orders.length,
    byStatus,
    strandedWithoutRun: orders.filter(
      (order) => order.fulfilmentType === 'PICKUP' && order.status === 'RECEIVED' && order.workflowId === null,
    ).length,
    disagreeing,
    startsPending: starts.find((row) => row.status === 'PENDING')?._count ?? 0,
    startsFailed: starts.find((row) => row.status === 'FAILED')?._count ?? 0,
    refundsOfUncapturedMoney: uncaptured?.count ?? 0,
    refunds: Object.fromEntries(refunds.map((row) => [row.status, row._count])),
    paymentsByStatus: Object.fromEntries(payments.map((row) => [row.status, row._count])),
    cancelledCapturedNotRefunded: notRefunded?.count ?? 0,
    reservedUnits: stock?.reserved ?? 0,
    ledgerMatchesLevels: stock !== undefined && stock.reserved === stock.ledger && stock.levels === stock.ledgerOnHand,
  };
}
