import { storeFilterFor } from '../../../domain/auth/store-access';
import { type Actor } from '../../../domain/auth/roles';
import { pickupCodeMatches } from '../../../domain/pickup/pickup-code';
import { type Prisma, type PrismaClient } from '../../../prisma/client';

/** Open work a customer at the counter can be waiting for. */
const lookupStatuses = ['OPEN', 'CLAIMED', 'LOCKED'] as const;
/** A code is checked against at most this many ready orders (scrypt per candidate; a store has a few dozen). */
export const CODE_LOOKUP_MAX_CANDIDATES = 100;
/** Rows answered; the counter wants the one customer in front of it, not a report. */
export const LOOKUP_MAX_RESULTS = 20;
/** What a pickup code looks like (domain/pickup/pickup-code.ts makes 6 digits; stores may configure 4 to 8). */
const codeShape = /^\d{4,8}$/;

type TaskWithOrder = Prisma.TaskGetPayload<object> & {
  matchedBy: 'code' | 'order' | 'customer';
};

/** Digits only: "+31 6 1234 5678" and "0612345678" share their tail. */
const digitsOf = (text: string) => text.replace(/\D/g, '');

/**
 * The open tasks of the orders a person at the counter can be asking about: by the order number (our id
 * or the channel's order number, which is what the customer's e-mail shows), the customer's name or
 * phone, or the pickup code they show - matched against the stored hashes of the caller's ready orders,
 * never stored or logged. Hand-overs first: those have the customer waiting.
 */
export async function lookUpCounterTasks(prisma: PrismaClient, actor: Actor, query: string): Promise<TaskWithOrder[]> {
  const storeIds = storeFilterFor(actor, undefined);
  const storeScope: Prisma.OrderWhereInput = storeIds === undefined ? {} : { pickupStoreId: { in: [...storeIds] } };
  const digits = digitsOf(query);
  const orderMatches = await prisma.order.findMany({
    where: {
      ...storeScope,
      OR: [
        { externalId: { contains: query, mode: 'insensitive' } },
        ...(/^[0-9a-f-]{36}$/i.test(query) ? [{ id: query }] : []),
        { customer: { name: { contains: query, mode: 'insensitive' } } },
        ...(digits.length >= 6 ? [{ customer: { phone: { contains: digits.slice(-9) } } }] : []),
      ],
    },
    select: { id: true, externalId: true },
    take: LOOKUP_MAX_RESULTS,
  });
  const byOrder = new Map<string, TaskWithOrder['matchedBy']>(
    orderMatches.map((order) => [order.id, order.externalId.toLowerCase().includes(query.toLowerCase()) ? 'order' : 'customer']),
  );
  if (codeShape.test(query)) {
    for (const orderId of await ordersWithCode(prisma, storeScope, query)) byOrder.set(orderId, 'code');
  }
  if (byOrder.size === 0) return [];
  const tasks = await prisma.task.findMany({
    where: {
      status: { in: [...lookupStatuses] },
      OR: [...byOrder.keys()].map((orderId) => ({ payload: { path: ['orderId'], equals: orderId } })),
      ...(storeIds !== undefined && { storeId: { in: [...storeIds] } }),
    },
    orderBy: { dueAt: 'asc' },
    take: LOOKUP_MAX_RESULTS,
  });
  const handoverFirst = (task: { type: string }) => (task.type === 'HANDOVER' ? 0 : 1);
  return tasks
    .map((task) => ({ ...task, matchedBy: byOrder.get((task.payload as { orderId?: string }).orderId ?? '') ?? 'order' }))
    .sort((a, b) => handoverFirst(a) - handoverFirst(b));
}

async function ordersWithCode(prisma: PrismaClient, storeScope: Prisma.OrderWhereInput, code: string): Promise<string[]> {
  const ready = await prisma.order.findMany({
    where: { ...storeScope, status: 'READY_FOR_PICKUP', pickupCodeHash: { not: null } },
    select: { id: true, pickupCodeHash: true },
    orderBy: { readyForPickupAt: 'desc' },
    take: CODE_LOOKUP_MAX_CANDIDATES,
  });
  const matches = await Promise.all(
    ready.map(async (order) => ((await pickupCodeMatches(code, order.pickupCodeHash ?? '')) ? order.id : null)),
  );
  return matches.filter((id): id is string => id !== null);
}
