import { minorUnits } from '../../../domain/money/minor-units';
import { type Prisma, type WorkflowStartStatus } from '../../../prisma/client';
import { type OrderDetailRow, type OrderSummaryRow } from './orders.validators';

/**
 * What the orders API reads and how it shapes it. Selects are explicit so columns that must not leave
 * the server (the pickup code hash) never do, even when the schema grows.
 */

const workflowStartFields = { status: true, attempts: true, lastError: true, nextAttemptAt: true, startedAt: true } as const;

const summaryFields = {
  id: true,
  externalId: true,
  status: true,
  fulfilmentType: true,
  channelId: true,
  pickupStoreId: true,
  customerId: true,
  currency: true,
  totalMinor: true,
  placedAt: true,
  workflowId: true,
  updatedAt: true,
  // An order has at most one fulfilment run; its start tells whether that run exists yet.
  workflowStarts: { select: workflowStartFields, orderBy: { createdAt: 'asc' }, take: 1 },
} as const satisfies Prisma.OrderSelect;

export const orderSummarySelect = {
  ...summaryFields,
  channel: { select: { code: true } },
  pickupStore: { select: { code: true } },
  customer: { select: { name: true } },
} as const satisfies Prisma.OrderSelect;

export const orderDetailSelect = {
  ...summaryFields,
  intakeNotes: true,
  channelSequence: true,
  readyForPickupAt: true,
  collectedAt: true,
  cancelledAt: true,
  cancelReason: true,
  createdAt: true,
  channel: { select: { id: true, code: true, name: true, kind: true } },
  pickupStore: { select: { id: true, code: true, name: true, city: true, timeZone: true } },
  customer: { select: { id: true, name: true, phone: true, email: true } },
  lines: {
    select: {
      id: true,
      productId: true,
      quantity: true,
      unitPriceMinor: true,
      pickedQuantity: true,
      status: true,
      product: { select: { sku: true, name: true } },
    },
    orderBy: { createdAt: 'asc' },
  },
  payments: {
    select: { id: true, provider: true, externalRef: true, amountMinor: true, currency: true, status: true },
    orderBy: { createdAt: 'asc' },
  },
} as const satisfies Prisma.OrderSelect;

type SummaryRecord = Prisma.OrderGetPayload<{ select: typeof orderSummarySelect }>;
type DetailRecord = Prisma.OrderGetPayload<{ select: typeof orderDetailSelect }>;

type StartRecord = SummaryRecord['workflowStarts'][number];

/** How far the order's run is: `startStatus` for lists, and the error only while it is not running (never a stale one). */
function startFieldsOf(start: StartRecord | undefined) {
  return {
    startStatus: start?.status ?? null,
    fulfilmentStartError: start === undefined || start.status === 'STARTED' ? null : start.lastError,
  };
}

export function toOrderSummary({ channel, pickupStore, customer, workflowStarts, totalMinor, ...order }: SummaryRecord): OrderSummaryRow {
  return {
    ...order,
    totalMinor: minorUnits(totalMinor),
    channelCode: channel.code,
    pickupStoreCode: pickupStore?.code ?? null,
    customerName: customer?.name ?? null,
    ...startFieldsOf(workflowStarts[0]),
  };
}

export function toOrderDetail({ workflowStarts, totalMinor, payments, ...order }: DetailRecord): OrderDetailRow {
  const start = workflowStarts[0];
  return {
    ...order,
    totalMinor: minorUnits(totalMinor),
    channelCode: order.channel.code,
    pickupStoreCode: order.pickupStore?.code ?? null,
    customerName: order.customer?.name ?? null,
    lines: order.lines.map(({ product, ...line }) => ({ ...line, sku: product.sku, productName: product.name })),
    payments: payments.map((payment) => ({ ...payment, amountMinor: minorUnits(payment.amountMinor) })),
    ...startFieldsOf(start),
    workflowStart:
      start === undefined
        ? null
        : {
            status: start.status,
            attempts: start.attempts,
            lastError: start.status === 'STARTED' ? null : start.lastError,
            nextAttemptAt: start.status === 'PENDING' ? start.nextAttemptAt : null,
            startedAt: start.startedAt,
          },
  };
}

export function orderListWhere(filter: {
  startStatus?: WorkflowStartStatus[] | undefined;
  id?: string[] | undefined;
  status?: OrderSummaryRow['status'][] | undefined;
  storeIds: readonly string[] | undefined;
  channelId?: string[] | undefined;
  customerId?: string | undefined;
  fulfilmentType?: OrderSummaryRow['fulfilmentType'] | undefined;
  q?: string | undefined;
}): Prisma.OrderWhereInput {
  return {
    ...(filter.id !== undefined && { id: { in: filter.id } }),
    ...(filter.status !== undefined && { status: { in: filter.status } }),
    ...(filter.storeIds !== undefined && { pickupStoreId: { in: [...filter.storeIds] } }),
    ...(filter.channelId !== undefined && { channelId: { in: filter.channelId } }),
    ...(filter.customerId !== undefined && { customerId: filter.customerId }),
    ...(filter.fulfilmentType !== undefined && { fulfilmentType: filter.fulfilmentType }),
    ...(filter.startStatus !== undefined && { workflowStarts: { some: { status: { in: filter.startStatus } } } }),
    ...(filter.q !== undefined && {
      OR: [
        { externalId: { contains: filter.q, mode: 'insensitive' } },
        { customer: { name: { contains: filter.q, mode: 'insensitive' } } },
        { customer: { email: { contains: filter.q, mode: 'insensitive' } } },
        { customer: { phone: { contains: filter.q } } },
      ],
    }),
  };
}
