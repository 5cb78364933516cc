/** An order as GET /api/orders/:id answers it (api/routes/orders/orders.validators.ts). */
export interface OrderLine {
  id: string;
  sku: string;
  productName: string;
  quantity: number;
  unitPriceMinor: number;
  pickedQuantity: number;
  status: string;
}

export interface OrderRecord {
  id: string;
  externalId: string;
  status: string;
  currency: string;
  totalMinor: number;
  /** The pickup store (null for shipped orders). */
  pickupStoreCode: string | null;
  workflowId: string | null;
  /** PENDING: accepted, its run not started yet (retried automatically); FAILED: refused, a person must act. */
  startStatus: 'PENDING' | 'STARTED' | 'FAILED' | null;
  fulfilmentStartError: string | null;
  workflowStart: {
    status: string;
    attempts: number;
    lastError: string | null;
    nextAttemptAt: string | null;
    startedAt: string | null;
  } | null;
  lines: OrderLine[];
}

/** A run the order was promised but does not have yet. */
export const isStartOutstanding = (order: Pick<OrderRecord, 'startStatus'> | undefined): boolean =>
  order?.startStatus === 'PENDING' || order?.startStatus === 'FAILED';

/** Statuses after which nothing about the order changes by itself any more. */
const settledStatuses: ReadonlySet<string> = new Set(['COLLECTED', 'CANCELLED', 'EXPIRED', 'COMPLETED', 'RETURNED']);

export const isSettled = (order: Pick<OrderRecord, 'status'> | undefined): boolean =>
  order !== undefined && settledStatuses.has(order.status);
