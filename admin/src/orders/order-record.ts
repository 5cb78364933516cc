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
  workflowId: string | null;
  lines: OrderLine[];
}

/** Statuses after which nothing about the order changes by itself any more. */
const settledStatuses: ReadonlySet<string> = new Set(['COLLECTED', 'CANCELLED', 'EXPIRED', 'COMPLETED', 'RETURNED']);

export const isSettled = (order: Pick<OrderRecord, 'status'> | undefined): boolean =>
  order !== undefined && settledStatuses.has(order.status);
