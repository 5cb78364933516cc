import { type PickupOrderLine } from './pick-result';

/** What the pickup workflow needs of an order for its whole run: lines, prices, origin channel. */
export interface PickupOrderSnapshot {
  orderId: string;
  externalId: string;
  channelCode: string;
  currency: string;
  status: string;
  customerName: string | null;
  lines: (PickupOrderLine & { productName: string })[];
}
