import { randomUUID } from 'node:crypto';
import { readPickupStartSource } from '../../../db/intake/pickup-start-source';
import { pickupWorkflow } from '../../../domain/pickup/pickup-definition';
import { type PrismaClient } from '../../../prisma/client';
import { enqueueWorkflowStart } from '../../../workflow-starts/enqueue-workflow-start';
import { recordWorkflowStartFailure } from '../../../workflow-starts/record-start-outcome';

/**
 * A pickup order of a named customer whose run Temporal refused to start, written with the outbox's own
 * functions (a refusal cannot be provoked through the running stack). Its run goes to a task queue no worker
 * polls, so once started it never touches the shared stock.
 */
export async function orderWithRefusedStart(prisma: PrismaClient): Promise<{ id: string; externalId: string; customerName: string }> {
  const [channel, store, product] = await Promise.all([
    prisma.channel.findUniqueOrThrow({ where: { code: 'web' } }),
    prisma.store.findUniqueOrThrow({ where: { code: 'AMS-01' } }),
    prisma.product.findFirstOrThrow({ where: { active: true, currency: 'EUR' } }),
  ]);
  const suffix = randomUUID().slice(0, 8).toUpperCase();
  const customerName = `Wilhelmina Search ${suffix}`;
  const customer = await prisma.customer.create({ data: { name: customerName, email: `search-${suffix.toLowerCase()}@mail.example` } });
  const externalId = `E2E-RUN-${suffix}`;
  const order = await prisma.order.create({
    data: {
      channelId: channel.id,
      externalId,
      customerId: customer.id,
      fulfilmentType: 'PICKUP',
      pickupStoreId: store.id,
      currency: 'EUR',
      totalMinor: product.basePriceMinor,
      placedAt: new Date(),
      lines: { create: [{ productId: product.id, quantity: 1, unitPriceMinor: product.basePriceMinor }] },
    },
  });
  const request = await prisma.$transaction(async (tx) => {
    const start = pickupWorkflow.startRequest(`e2e-no-worker-${randomUUID()}`, await readPickupStartSource(tx, order.id));
    await enqueueWorkflowStart(tx, start, new Date());
    return start;
  });
  await recordWorkflowStartFailure(prisma, {
    workflowId: request.workflowId,
    attemptedStatus: 'PENDING',
    error: 'INVALID_ARGUMENT: search attribute StoreRegion is not defined',
    retryAt: null,
  });
  return { id: order.id, externalId, customerName };
}
