import { minorUnits } from '../../../domain/money/minor-units';
import { type Prisma } from '../../../prisma/client';

export const returnInclude = {
  order: { select: { externalId: true, currency: true, channel: { select: { code: true } }, customer: { select: { name: true } } } },
  receivedAtStore: { select: { code: true } },
  lines: {
    orderBy: { orderLineId: 'asc' },
    include: {
      orderLine: { select: { product: { select: { sku: true, name: true } } } },
      refunds: { select: { status: true, externalRef: true } },
    },
  },
} as const satisfies Prisma.ReturnInclude;

export type ReturnRow = Prisma.ReturnGetPayload<{ include: typeof returnInclude }>;

/** A return as the API answers it: its lines with what each refunds and how far that refund is. */
export function returnView(row: ReturnRow) {
  const lines = row.lines.map((line) => ({
    id: line.id,
    orderLineId: line.orderLineId,
    sku: line.orderLine.product.sku,
    productName: line.orderLine.product.name,
    quantity: line.quantity,
    conditionSeen: line.conditionSeen,
    condition: line.condition,
    disposition: line.disposition,
    refundMinor: minorUnits(line.refundMinor),
    refundStatus: line.refunds[0]?.status ?? null,
    refundReference: line.refunds[0]?.externalRef ?? null,
  }));
  return {
    id: row.id,
    orderId: row.orderId,
    orderExternalId: row.order.externalId,
    channelCode: row.order.channel.code,
    customerName: row.order.customer?.name ?? null,
    status: row.status,
    reasonCode: row.reasonCode,
    reason: row.reason,
    overrideReason: row.overrideReason,
    proofOfPurchase: row.proofOfPurchase,
    approvalReasons: row.approvalReasons,
    refundMethod: row.refundMethod,
    handedBackAt: row.handedBackAt,
    receivedAtStoreId: row.receivedAtStoreId,
    storeCode: row.receivedAtStore?.code ?? null,
    requestedByLabel: row.requestedByLabel,
    requestedByUserId: row.requestedByUserId,
    approvedByUserId: row.approvedByUserId,
    approvedAt: row.approvedAt,
    workflowId: row.workflowId,
    currency: row.order.currency,
    refundTotalMinor: lines.reduce((sum, line) => sum + line.refundMinor, 0),
    lines,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
