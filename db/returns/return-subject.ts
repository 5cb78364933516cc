import { minorUnits } from '../../domain/money/minor-units';
import { type Prisma } from '../../prisma/client';
import { type ApprovalSubjectView } from '../approvals/approval-subjects';

/**
 * A return as approvals show it: what a manager checks before saying yes. Returns are not edited once
 * written (a change is a new return), so the version is always 1.
 */
export async function loadReturnSubject(tx: Prisma.TransactionClient, id: string): Promise<ApprovalSubjectView | null> {
  const row = await tx.return.findUnique({
    where: { id },
    include: {
      order: { select: { externalId: true, currency: true, channel: { select: { code: true } } } },
      receivedAtStore: { select: { code: true } },
      lines: { include: { orderLine: { select: { product: { select: { sku: true } } } } } },
    },
  });
  if (row === null) return null;
  const refundMinor = row.lines.reduce((sum, line) => sum + minorUnits(line.refundMinor), 0);
  const items = row.lines.map((line) => `${line.quantity} x ${line.orderLine.product.sku}`).join(', ');
  return {
    version: 1,
    storeId: row.receivedAtStoreId,
    summary: `Return of ${items} (order ${row.order.externalId}, ${row.order.channel.code}) at ${row.receivedAtStore?.code ?? 'no store'}: ${refundMinor} ${row.order.currency}`,
    fields: {
      order: row.order.externalId,
      channel: row.order.channel.code,
      store: row.receivedAtStore?.code ?? null,
      items,
      refundMinor,
      currency: row.order.currency,
      reason: row.reason,
      overrideReason: row.overrideReason,
      proofOfPurchase: row.proofOfPurchase,
      approvalReasons: row.approvalReasons.join(', '),
    },
  };
}
