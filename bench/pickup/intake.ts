import { type OrderWebhookEvent, signWebhookBody, webhookHeaders } from '../../channels/order-webhook';
import { type WebOrder } from '../../domain/orders/web-order';
import { readDemoUsers } from '../../prisma/seed/demo-users';
import { type BenchCatalogue } from './bench-data';

/**
 * One way orders reach the API; `place` answers the new order's id or throws an IntakeRefused with the
 * HTTP status. Placing the same order number of the same batch again is a redelivery (same external id
 * and, for webhooks, the same event id), which the API must recognise as a duplicate.
 */
export interface OrderIntake {
  description: string;
  place(orderNumber: number, batch: string): Promise<{ orderId: string }>;
}

/** The API answered something other than 2xx. */
export class IntakeRefused extends Error {
  override readonly name = 'IntakeRefused';

  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface OrderShape {
  externalId: string;
  storeCode: string;
  lines: { sku: string; unitPriceMinor: number }[];
  customer: { name: string; email: string };
}

/** Order n: a new customer, a store in turn, `linesPerOrder` different SKUs in turn, one unit each. */
function orderShape(catalogue: BenchCatalogue, linesPerOrder: number, orderNumber: number, batch: string): OrderShape {
  const lineCount = Math.min(linesPerOrder, catalogue.skus.length);
  const lines = Array.from({ length: lineCount }, (_, index) => {
    const sku = catalogue.skus[(orderNumber * lineCount + index) % catalogue.skus.length] ?? '';
    return { sku, unitPriceMinor: catalogue.unitPriceMinorBySku.get(sku) ?? 0 };
  });
  const externalId = `bench-${batch}-${orderNumber}`;
  return {
    externalId,
    storeCode: catalogue.storeCodes[orderNumber % catalogue.storeCodes.length] ?? '',
    lines,
    customer: { name: `Bench Customer ${batch} ${orderNumber}`, email: `${externalId}@bench.example` },
  };
}

async function postJson(url: string, body: string, headers: Record<string, string>): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...headers } });
  const text = await response.text();
  if (!response.ok)
    throw new IntakeRefused(response.status, `POST ${new URL(url).pathname} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as unknown;
}

function idFrom(answer: unknown, field: 'id' | 'orderId'): string {
  const value = typeof answer === 'object' && answer !== null ? (answer as Record<string, unknown>)[field] : undefined;
  if (typeof value !== 'string') throw new Error(`The intake answer has no ${field}`);
  return value;
}

/** The web store's checkout: `POST /api/orders` as a head-office user (a demo ops lead). */
export async function webStoreIntake(apiUrl: string, catalogue: BenchCatalogue, linesPerOrder: number): Promise<OrderIntake> {
  const demoUsers = readDemoUsers();
  const opsLead = demoUsers.users.find((user) => user.role === 'OPS_LEAD');
  if (opsLead === undefined) throw new Error('prisma/seed-data/demo-users.json has no OPS_LEAD to place web orders with');
  const login = await postJson(`${apiUrl}/api/auth/login`, JSON.stringify({ email: opsLead.email, password: demoUsers.password }), {});
  const token = (login as { token?: unknown }).token;
  if (typeof token !== 'string') throw new Error('Login answered without a token');
  return {
    description: `web store orders (POST /api/orders as ${opsLead.email})`,
    async place(orderNumber, batch) {
      const shape = orderShape(catalogue, linesPerOrder, orderNumber, batch);
      const order: WebOrder = {
        externalId: shape.externalId,
        customer: shape.customer,
        fulfilmentType: 'PICKUP',
        pickupStoreCode: shape.storeCode,
        lines: shape.lines.map((line) => ({ sku: line.sku, quantity: 1 })),
        payment: { provider: 'bench-psp', reference: `psp-${shape.externalId}`, status: 'AUTHORIZED' },
      };
      return { orderId: idFrom(await postJson(`${apiUrl}/api/orders`, JSON.stringify(order), { Authorization: `Bearer ${token}` }), 'id') };
    },
  };
}

/** A marketplace: signed `order.created` webhooks, as the channel sandbox sends them. */
export function channelWebhookIntake(
  apiUrl: string,
  channel: { code: string; webhookSecret: string },
  catalogue: BenchCatalogue,
  linesPerOrder: number,
): OrderIntake {
  const url = `${apiUrl}/api/channels/${encodeURIComponent(channel.code)}/webhooks/orders`;
  return {
    description: `signed ${channel.code} webhooks (POST /api/channels/${channel.code}/webhooks/orders)`,
    async place(orderNumber, batch) {
      const shape = orderShape(catalogue, linesPerOrder, orderNumber, batch);
      const now = new Date().toISOString();
      const event: OrderWebhookEvent = {
        // Deterministic, so placing the same order again is a redelivery of the same event.
        eventId: `evt_${batch}_${orderNumber}`,
        type: 'order.created',
        channelCode: channel.code,
        occurredAt: now,
        sequence: 1,
        order: {
          externalId: shape.externalId,
          status: 'PLACED',
          currency: 'EUR',
          totalAmount: shape.lines.reduce((sum, line) => sum + line.unitPriceMinor, 0),
          customer: { ...shape.customer, phone: null },
          fulfilment: 'PICKUP',
          pickupStoreCode: shape.storeCode,
          lines: shape.lines.map((line, index) => ({
            lineId: `${shape.externalId}-${index + 1}`,
            sku: line.sku,
            quantity: 1,
            unitPrice: line.unitPriceMinor,
          })),
          placedAt: now,
        },
      };
      const body = JSON.stringify(event);
      const headers = {
        [webhookHeaders.signature]: signWebhookBody(body, channel.webhookSecret),
        [webhookHeaders.eventId]: event.eventId,
        [webhookHeaders.deliveryAttempt]: '1',
      };
      return { orderId: idFrom(await postJson(url, body, headers), 'orderId') };
    },
  };
}
