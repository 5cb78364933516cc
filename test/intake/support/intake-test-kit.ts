import { randomInt, randomUUID } from 'node:crypto';
import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { type Express } from 'express';
import request from 'supertest';
import { createApp, whenBackgroundWorkIdle } from '../../../api/app';
import { createLogger } from '../../../api/logger';
import { createTemporalClient } from '../../../api/temporal-client';
import { signWebhookBody } from '../../../channels/order-webhook';
import { type ChannelOrderEvent } from '../../../domain/orders/channel-order-event';
import { createPrismaClient, type PrismaClient } from '../../../prisma/client';
import { demoLogin, demoPassword, testConfig } from '../../api/support/test-app';
import { testEnv } from '../../support/env';
import { eventually } from '../../support/eventually';

export { eventually } from '../../support/eventually';

export { bodyOf, demoLogin, type ErrorBody } from '../../api/support/test-app';

export interface IntakeTestApi {
  app: Express;
  prisma: PrismaClient;
  /** A client on the same Temporal server, to look at the workflows intake started. */
  temporal: Client;
  bearer(email: string): Promise<string>;
  /** Ends the pickup workflows the tests started (no worker runs them: their task queue is private). */
  close(): Promise<void>;
}

/**
 * The real app on the test database and Temporal server, with a task queue of its own: intake really
 * starts pickup workflows there, and no worker picks them up, so these tests never move stock.
 */
export async function startIntakeApi(overrides: Record<string, string> = {}): Promise<IntakeTestApi> {
  const config = testConfig({ TEMPORAL_TASK_QUEUE: `intake-test-${randomUUID()}`, ...overrides });
  const prisma = createPrismaClient({ databaseUrl: config.DATABASE_URL, poolSize: 4 });
  const temporalHandle = createTemporalClient(config);
  const app = createApp({ prisma, temporal: temporalHandle, config, logger: createLogger(config) });
  const connection = await Connection.connect({ address: testEnv.temporalAddress });
  const temporal = new Client({ connection, namespace: testEnv.temporalNamespace });
  const tokens = new Map<string, Promise<string>>();

  return {
    app,
    prisma,
    temporal,
    bearer(email) {
      let token = tokens.get(email);
      if (token === undefined) {
        token = request(app)
          .post('/api/auth/login')
          .send({ email, password: demoPassword })
          .then((response) => `Bearer ${(response.body as { token: string }).token}`);
        tokens.set(email, token);
      }
      return token;
    },
    async close() {
      for await (const workflow of temporal.workflow.list({
        query: `TaskQueue = '${config.TEMPORAL_TASK_QUEUE}' AND ExecutionStatus = 'Running'`,
      })) {
        await temporal.workflow
          .getHandle(workflow.workflowId)
          .terminate('intake test finished')
          .catch((error: unknown) => {
            if (!(error instanceof WorkflowNotFoundError)) throw error;
          });
      }
      await whenBackgroundWorkIdle(app);
      await Promise.allSettled([prisma.$disconnect(), temporalHandle.close(), connection.close()]);
    },
  };
}

/**
 * Waits until the order's pickup run is recorded on it (intake starts it after answering a webhook, the
 * relay retries it) and answers its workflow id. Fails the test after `timeoutMs`.
 */
export async function waitForRun(prisma: PrismaClient, orderId: string, timeoutMs = 15_000): Promise<string> {
  const { workflowId } = await eventually(
    () => prisma.order.findUniqueOrThrow({ where: { id: orderId }, select: { workflowId: true } }),
    (order) => order.workflowId !== null,
    timeoutMs,
  );
  if (workflowId === null) throw new Error(`order ${orderId} got no run within ${timeoutMs} ms`);
  return workflowId;
}

/** Names of the signals a run received so far, in order. */
export async function signalsReceived(temporal: Client, workflowId: string): Promise<string[]> {
  const history = await temporal.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).flatMap((event) =>
    event.workflowExecutionSignaledEventAttributes ? [event.workflowExecutionSignaledEventAttributes.signalName ?? ''] : [],
  );
}

/**
 * The app with a Temporal nobody answers (port 1): it takes orders, and every start it attempts fails at
 * once. Its long retry delay keeps the stack's own relay off those starts, so a test decides who starts them.
 */
export function startUnreachableTemporalIntakeApi(): Promise<IntakeTestApi> {
  return startIntakeApi({
    TEMPORAL_ADDRESS: '127.0.0.1:1',
    INTAKE_TEMPORAL_TIMEOUT_MS: '300',
    WORKFLOW_START_RETRY_INITIAL_MS: '600000',
    WORKFLOW_START_RETRY_MAX_MS: '600000',
  });
}

/** A one-line web pickup order at AMS-01 by a new customer, placed as the web store does; answers its id. */
export async function placeWebPickupOrder(app: IntakeTestApi, prefix = 'WPO'): Promise<string> {
  const [product] = await sellableSkus(app.prisma, 1);
  const response = await request(app.app)
    .post('/api/orders')
    .set('Authorization', await app.bearer(demoLogin.opsLead))
    .send({
      externalId: uniqueId(prefix),
      customer: { name: 'Pickup Shopper', email: `${uniqueId(prefix.toLowerCase())}@mail.example` },
      fulfilmentType: 'PICKUP',
      pickupStoreCode: 'AMS-01',
      lines: [{ sku: product?.sku, quantity: 1 }],
    });
  if (response.status !== 201) throw new Error(`POST /api/orders answered ${response.status}: ${JSON.stringify(response.body)}`);
  return (response.body as { id: string }).id;
}

/** A fresh external id per test, so tests never meet each other's orders. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** A Dutch mobile number nobody else in the database has (E.164 and national forms). */
export function uniqueDutchMobile(): { e164: string; national: string } {
  const subscriber = String(randomInt(10_000_000, 99_999_999));
  return { e164: `+316${subscriber}`, national: `06-${subscriber.slice(0, 4)} ${subscriber.slice(4)}` };
}

export interface ChannelOrderSpec {
  channelCode: string;
  externalId: string;
  type?: ChannelOrderEvent['type'];
  sequence?: number;
  customer?: Partial<ChannelOrderEvent['order']['customer']>;
  fulfilment?: ChannelOrderEvent['order']['fulfilment'];
  pickupStoreCode?: string | null;
  lines: { sku: string; quantity: number; unitPrice: number }[];
}

/** An order webhook the way the channel sandbox builds one: the whole order, a sequence, a fresh event id. */
export function channelOrderEvent(spec: ChannelOrderSpec): ChannelOrderEvent {
  const type = spec.type ?? 'order.created';
  const lines = spec.lines.map((line, index) => ({ lineId: `${spec.externalId}-${index + 1}`, ...line }));
  return {
    eventId: `evt_${randomUUID()}`,
    type,
    channelCode: spec.channelCode,
    occurredAt: new Date().toISOString(),
    sequence: spec.sequence ?? 1,
    order: {
      externalId: spec.externalId,
      status: type === 'order.cancelled' ? 'CANCELLED' : 'PLACED',
      currency: 'EUR',
      totalAmount: lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0),
      customer: { name: 'Test Customer', email: null, phone: null, ...spec.customer },
      fulfilment: spec.fulfilment ?? 'PICKUP',
      pickupStoreCode: spec.pickupStoreCode === undefined ? 'AMS-01' : spec.pickupStoreCode,
      lines,
      placedAt: new Date().toISOString(),
    },
  };
}

/** Posts a webhook exactly as a channel does: the raw JSON, signed with `secret` (or unsigned when null). */
export function deliverWebhook(app: Express, channelCode: string, body: unknown, secret: string | null) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const call = request(app).post(`/api/channels/${channelCode}/webhooks/orders`).set('Content-Type', 'application/json');
  if (secret !== null) call.set('X-Signature', signWebhookBody(raw, secret));
  return call.send(raw);
}

export async function webhookSecretOf(prisma: PrismaClient, channelCode: string): Promise<string> {
  return (await prisma.channel.findUniqueOrThrow({ where: { code: channelCode }, select: { webhookSecret: true } })).webhookSecret;
}

/** SKUs of active products with their base prices, to put on test orders. */
export async function sellableSkus(prisma: PrismaClient, count: number): Promise<{ sku: string; basePriceMinor: number }[]> {
  return prisma.product.findMany({
    where: { active: true, sku: { not: { startsWith: 'TST' } } },
    select: { sku: true, basePriceMinor: true },
    orderBy: { sku: 'asc' },
    take: count,
  });
}

/** Everything intake could have written for an order, by its external id (or customer contact). */
export async function traceOfOrder(prisma: PrismaClient, externalId: string, contact: { email?: string; phone?: string } = {}) {
  return {
    orders: await prisma.order.count({ where: { externalId } }),
    inboxEvents: await prisma.orderWebhookEvent.count({ where: { externalOrderId: externalId } }),
    payments: await prisma.payment.count({ where: { order: { externalId } } }),
    auditEvents: await prisma.auditEvent.count({ where: { after: { path: ['externalId'], equals: externalId } } }),
    customers: await prisma.customer.count({
      where: { OR: [{ email: contact.email ?? '-' }, { phone: contact.phone ?? '-' }] },
    }),
  };
}
