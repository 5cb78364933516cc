import { readPickupStartSource } from '../../db/intake/pickup-start-source';
import { insertOrder } from '../../db/intake/insert-order';
import { pickupWorkflow } from '../../domain/pickup/pickup-definition';
import { enqueueWorkflowStart } from '../../workflow-starts/enqueue-workflow-start';
import { type PrismaClient } from '../client';
import { type SeedProfile } from './seed-profiles';
import { SEED_TRANSACTION } from './seed-catalogue';

/** Units of each demo line; the seed picks SKUs the store holds at least this many of. */
const UNITS_PER_LINE = 1;
const LINES_PER_ORDER = 2;

/**
 * A few pickup orders per store, as customers placed them on the profile's selling channels (marketplaces,
 * chat catalogue, web store; not the till), each with its pickup run promised in the same transaction
 * (workflow-starts outbox): once a worker is up its relay starts them, they reserve stock and the stores'
 * PICK tasks appear in the inbox and on the dashboard. Keyed by the order number `DEMO-<store>-<n>` on its
 * channel, so a second run adds nothing.
 */
export async function seedDemoOrders(prisma: PrismaClient, profile: SeedProfile, taskQueue: string, now = new Date()): Promise<number> {
  if (profile.demoOrdersPerStore === 0) return 0;
  const sellingCodes = profile.channels.filter((channel) => channel.kind !== 'POS').map((channel) => channel.code);
  const [channels, stores, customers] = await Promise.all([
    prisma.channel.findMany({ where: { code: { in: sellingCodes } }, orderBy: { code: 'asc' } }),
    prisma.store.findMany({ where: { code: { in: profile.stores.map((store) => store.code) } }, orderBy: { code: 'asc' } }),
    prisma.customer.findMany({ where: { phone: { in: profile.customers.map((customer) => customer.phone) } }, orderBy: { phone: 'asc' } }),
  ]);
  if (channels.length === 0 || customers.length === 0) return 0;
  let created = 0;
  for (const [storeIndex, store] of stores.entries()) {
    const stocked = await prisma.inventoryLevel.findMany({
      where: {
        storeId: store.id,
        product: { sku: { in: profile.products.map((product) => product.sku) } },
        onHand: { gte: UNITS_PER_LINE },
      },
      select: { product: { select: { id: true, sku: true, name: true, basePriceMinor: true } } },
      orderBy: { product: { sku: 'asc' } },
    });
    for (let index = 0; index < profile.demoOrdersPerStore; index += 1) {
      const slot = storeIndex * profile.demoOrdersPerStore + index;
      const channel = channels[slot % channels.length]!;
      const customer = customers[slot % customers.length]!;
      const externalId = `DEMO-${store.code}-${index + 1}`;
      const exists = await prisma.order.findUnique({
        where: { channelId_externalId: { channelId: channel.id, externalId } },
        select: { id: true },
      });
      const lines = [0, 1]
        .slice(0, LINES_PER_ORDER)
        .map((offset) => stocked[(slot * LINES_PER_ORDER + offset) % Math.max(stocked.length, 1)]?.product)
        .filter((product, position, all) => product !== undefined && all.findIndex((other) => other?.id === product.id) === position)
        .map((product) => ({
          productId: product!.id,
          sku: product!.sku,
          productName: product!.name,
          quantity: UNITS_PER_LINE,
          unitPriceMinor: product!.basePriceMinor,
        }));
      if (exists !== null || lines.length === 0) continue;
      const totalMinor = lines.reduce((sum, line) => sum + line.quantity * line.unitPriceMinor, 0);
      // Spread over the last hours, so the dashboard's period shows them and the pick SLAs differ.
      const placedAt = new Date(now.getTime() - (slot + 1) * 20 * 60_000);
      await prisma.$transaction(async (tx) => {
        const order = await insertOrder(tx, {
          channelId: channel.id,
          externalId,
          customerId: customer.id,
          fulfilmentType: 'PICKUP',
          pickupStoreId: store.id,
          cancellation: null,
          currency: store.currency,
          totalMinor,
          placedAt,
          channelSequence: 0,
          intakeNotes: ['demo order (seed)'],
          lines,
          payment: { provider: channel.code, externalRef: externalId, status: 'CAPTURED' },
        });
        const request = pickupWorkflow.startRequest(taskQueue, await readPickupStartSource(tx, order.id));
        await enqueueWorkflowStart(tx, request, now);
      }, SEED_TRANSACTION);
      created += 1;
    }
  }
  return created;
}
