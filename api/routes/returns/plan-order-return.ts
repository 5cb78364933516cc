import { InvalidDataError, NotFoundError } from '../../../domain/errors';
import { minorUnits } from '../../../domain/money/minor-units';
import { refundRouteFor, type RefundRoute } from '../../../domain/returns/refund-route';
import { orderDiscountFromPayment, planReturn, type PlannableLine, type ReturnPlan } from '../../../domain/returns/return-plan';
import { type Prisma } from '../../../prisma/client';
import { type ReturnRouteSettings } from './return-settings';

const deliveredOrderStatuses = new Set(['COLLECTED', 'SHIPPED', 'COMPLETED', 'PARTIALLY_RETURNED']);
const deliveredLineStatuses = new Set(['FULFILLED', 'SHORT_PICKED', 'PICKED']);

export interface OrderForReturn {
  id: string;
  externalId: string;
  currency: string;
  channel: { id: string; code: string };
  /** Where the money goes back (domain/returns/refund-route.ts). */
  refundRoute: RefundRoute;
}

/**
 * Reads what the return rules need of an order (lines, what returns already hold, what was paid) and
 * plans the requested return with domain/returns/return-plan.ts. Nothing is written.
 */
export async function planOrderReturn(
  tx: Prisma.TransactionClient,
  request: {
    orderId: string;
    lines: { orderLineId: string; quantity: number }[];
    overrideReason?: string | undefined;
    proofOfPurchase: boolean;
  },
  settings: ReturnRouteSettings,
): Promise<{ order: OrderForReturn; plan: ReturnPlan }> {
  const order = await tx.order.findUnique({
    where: { id: request.orderId },
    include: {
      channel: { select: { id: true, code: true, kind: true } },
      payments: { orderBy: { createdAt: 'asc' }, take: 1, select: { amountMinor: true, provider: true } },
      lines: {
        orderBy: { id: 'asc' },
        include: {
          product: { select: { sku: true, category: true } },
          returnLines: { where: { return: { status: { notIn: ['CANCELLED', 'REJECTED'] } } }, select: { refundMinor: true } },
        },
      },
    },
  });
  if (order === null) throw new NotFoundError('Order not found');
  const orderDelivered = deliveredOrderStatuses.has(order.status);
  const lines: PlannableLine[] = order.lines.map((line) => ({
    lineId: line.id,
    sku: line.product.sku,
    category: line.product.category,
    delivered: orderDelivered && deliveredLineStatuses.has(line.status),
    deliveredQuantity: order.fulfilmentType === 'PICKUP' ? line.pickedQuantity : line.quantity,
    returnedOrInOpenReturns: line.returnedQuantity,
    finalSale: settings.finalSaleCategories.includes(line.product.category),
    soldQuantity: line.quantity,
    unitPriceMinor: line.unitPriceMinor,
    lineDiscountMinor: 0,
    refundInReturnsMinor: line.returnLines.reduce((sum, returned) => sum + minorUnits(returned.refundMinor), 0),
  }));
  const paid = order.payments[0] === undefined ? minorUnits(order.totalMinor) : minorUnits(order.payments[0].amountMinor);
  const plan = planReturn(
    {
      channelCode: order.channel.code,
      deliveredAt: orderDelivered ? (order.collectedAt ?? order.updatedAt) : null,
      lines,
      orderDiscountMinor: orderDiscountFromPayment(
        lines.map((line) => ({ ...line, quantity: line.soldQuantity })),
        paid,
      ),
      requested: request.lines.map((line) => ({ lineId: line.orderLineId, quantity: line.quantity })),
      overrideReason: request.overrideReason,
      proofOfPurchase: request.proofOfPurchase,
      storeThresholdMinor: settings.storeThresholdMinor,
      now: new Date(),
    },
    settings.policy,
  );
  const refundRoute = refundRouteFor({ channelKind: order.channel.kind, paymentProvider: order.payments[0]?.provider ?? 'channel' });
  return {
    order: {
      id: order.id,
      externalId: order.externalId,
      currency: order.currency,
      channel: { id: order.channel.id, code: order.channel.code },
      refundRoute,
    },
    plan,
  };
}

/** Every refused line as a 4xx naming the request line (`lines.<index>.quantity` etc.), nothing written. */
export function refusedReturn(plan: Extract<ReturnPlan, { ok: false }>): InvalidDataError {
  const fieldErrors: Record<string, string> = {};
  for (const refused of plan.refused) {
    const field = refused.refusal === 'UNKNOWN_LINE' || refused.refusal === 'DUPLICATE_LINE' ? 'orderLineId' : 'quantity';
    const key = `lines.${refused.index}.${field}`;
    const said = `${refused.refusal}: ${refused.message}`;
    fieldErrors[key] = fieldErrors[key] === undefined ? said : `${fieldErrors[key]}; ${said}`;
  }
  return new InvalidDataError(`${plan.refused.length} line(s) cannot be returned`, fieldErrors);
}
