import { Prisma } from '../../prisma/client';
import { pricePairsSql, type PricePairRow } from '../../db/promotions/price-pairs-sql';
import { outagePriceKey, priceDriftOf, routePriceDrift } from '../../domain/outages/price-drift';
import { type ActivityDeps } from '../deps';
import { keepHeartbeating } from '../channels/keep-heartbeating';
import { withTemporalFailures } from '../failures/to-temporal-failure';
import { pushAndVerifyPrices, shownPricesOf } from './push-outage-prices';

export interface DiffOutagePricesInput {
  outageId: string;
  reconciliationId: string;
  workflowId: string;
  /** Numbers the page; part of the re-push's key `price:outage:<outageId>:<channel>:<page>`. */
  pageNumber: number;
  afterProductId: string | null;
  pageSize: number;
  /** OUTAGE_PRICE_TOLERANCE_MINOR: largest difference per unit re-pushed without a person. */
  toleranceMinor: number;
  fourEyesAboveMinor: number;
  /** Wait between the re-push and its read-back. */
  readBackDelayMs: number;
}

export interface OutagePricePage {
  /** The channel read back; null when the outage has none to read (a store outage). */
  channelCode: string | null;
  skipped: string | null;
  lastProductId: string | null;
  hasMore: boolean;
  checked: number;
  /** PRICE_DRIFT rows of this page (written by this or an earlier attempt). */
  drifts: number;
  autoFixed: number;
  toReview: number;
  fourEyes: number;
}

interface DriftRow {
  id: string;
  product_id: string;
  resolution: string;
  value_minor: bigint;
  system_price_minor: number;
}

/**
 * One page of the price diff of a channel outage: the channel x SKU pairs of the price consistency view
 * (listings of active products, and what a promotion priced there), their expected price now
 * (db/promotions/price-pairs-sql.ts: an active promotion's price on that channel, else what we
 * published, else the base price), read back through the channel's adapter (paced to its rate limit). A
 * difference is a PRICE_DRIFT row (channel, SKU, expected and shown, value = the difference of one unit),
 * one per reconciliation, channel and SKU. Within the tolerance the expected price is re-pushed under
 * `price:outage:<outageId>:<channel>:<page>` and read back: shown, the row is AUTO_FIXED; still wrong, it
 * waits for review like the rows beyond tolerance (four-eyes above the value). A store outage reads nothing:
 * its till is the POS channel of every store, not a channel of the store's own.
 * A retried page finds the rows an earlier attempt wrote and pushes only what read-back still shows wrong.
 */
export function createDiffOutagePrices({ prisma, channels }: Pick<ActivityDeps, 'prisma' | 'channels'>) {
  return async function diffOutagePrices(input: DiffOutagePricesInput): Promise<OutagePricePage> {
    return withTemporalFailures(() =>
      keepHeartbeating(async (context) => {
        const outage = await prisma.outage.findUniqueOrThrow({
          where: { id: input.outageId },
          select: { kind: true, channel: { select: { id: true, code: true } } },
        });
        const nothing = { lastProductId: null, hasMore: false, checked: 0, drifts: 0, autoFixed: 0, toReview: 0, fourEyes: 0 };
        if (outage.kind !== 'CHANNEL' || outage.channel === null)
          return { ...nothing, channelCode: null, skipped: 'a store outage: its till is not a channel of its own to read back' };
        const channel = outage.channel;

        const ids = await prisma.$queryRaw<{ product_id: string }[]>`
          SELECT product_id FROM (
            SELECT l.product_id FROM channel_listings l JOIN products p ON p.id = l.product_id AND p.active WHERE l.channel_id = ${channel.id}::uuid
            UNION
            SELECT pc.product_id FROM price_changes pc WHERE pc.channel_id = ${channel.id}::uuid AND pc.promotion_id IS NOT NULL
          ) pairs
          WHERE ${input.afterProductId}::uuid IS NULL OR product_id > ${input.afterProductId}::uuid
          ORDER BY product_id LIMIT ${input.pageSize}`;
        const productIds = ids.map((row) => row.product_id);
        const lastProductId = productIds.at(-1) ?? null;
        const page = { channelCode: channel.code, skipped: null, lastProductId, hasMore: productIds.length === input.pageSize };
        if (productIds.length === 0) return { ...nothing, ...page };

        const pairs = await prisma.$queryRaw<PricePairRow[]>(pricePairsSql({ productIds, channelIds: [channel.id] }, new Date()));
        const adapter = await channels.adapterFor(channel.code);
        const shown = await shownPricesOf(
          adapter,
          pairs.map((pair) => pair.sku),
          context,
        );
        context.heartbeat({ pageNumber: input.pageNumber, step: 'read back' });

        const existing = await driftRowsOf(prisma, input.reconciliationId, channel.id, productIds);
        const known = new Set(existing.map((row) => row.product_id));
        const found = pairs.flatMap((pair) => {
          const drift = priceDriftOf({ expectedPriceMinor: pair.expectedPriceMinor, shownPriceMinor: shown.get(pair.sku) ?? null });
          if (drift === null || known.has(pair.productId)) return [];
          return [{ pair, drift, route: routePriceDrift(drift, input.toleranceMinor, input.fourEyesAboveMinor) }];
        });
        if (found.length > 0)
          await prisma.discrepancy.createMany({
            data: found.map(({ pair, drift, route }) => ({
              reconciliationId: input.reconciliationId,
              channelId: channel.id,
              productId: pair.productId,
              delta: 0,
              class: 'PRICE_DRIFT',
              valueMinor: BigInt(drift.valueMinor),
              priceInSystem: pair.expectedPriceMinor,
              priceOnChannel: shown.get(pair.sku) ?? null,
              requiresFourEyes: route === 'FOUR_EYES',
              note: `expected ${pair.expectedPriceMinor} (${pair.expectedSource.toLowerCase()}), the channel shows ${shown.get(pair.sku) ?? '-'}`,
            })),
          });

        // Every PENDING row within tolerance is re-pushed, also one an earlier attempt wrote and did not finish.
        const rows = await driftRowsOf(prisma, input.reconciliationId, channel.id, productIds);
        const pairOf = new Map(pairs.map((pair) => [pair.productId, pair]));
        const toFix = rows.flatMap((row) => {
          const pair = pairOf.get(row.product_id);
          if (row.resolution !== 'PENDING' || Number(row.value_minor) > input.toleranceMinor || pair === undefined) return [];
          return [{ id: row.id, sku: pair.sku, priceMinor: row.system_price_minor, currency: pair.currency }];
        });
        const pushed = await pushAndVerifyPrices(
          adapter,
          toFix,
          shown,
          outagePriceKey(input.outageId, channel.code, input.pageNumber),
          input.readBackDelayMs,
          context,
        );
        const fixedIds = toFix.filter((target) => pushed.verified.has(target.sku)).map((target) => target.id);
        if (fixedIds.length > 0)
          await prisma.discrepancy.updateMany({
            where: { id: { in: fixedIds }, resolution: 'PENDING' },
            data: { resolution: 'AUTO_FIXED', resolvedAt: new Date(), appliedAt: new Date() },
          });
        for (const target of toFix.filter((t) => pushed.wrong.has(t.sku)))
          await prisma.discrepancy.update({
            where: { id: target.id },
            data: {
              note: `${pushed.refused.has(target.sku) ? 'the channel refused the re-push' : 're-pushed twice'}, it still shows ${pushed.wrong.get(target.sku) ?? '-'}: to review`,
            },
          });

        const settled = await driftRowsOf(prisma, input.reconciliationId, channel.id, productIds);
        const fourEyes = await prisma.discrepancy.count({
          where: { id: { in: settled.map((row) => row.id) }, resolution: 'PENDING', requiresFourEyes: true },
        });
        return {
          ...page,
          checked: pairs.length,
          drifts: settled.length,
          autoFixed: settled.filter((row) => row.resolution === 'AUTO_FIXED').length,
          toReview: settled.filter((row) => row.resolution === 'PENDING').length,
          fourEyes,
        };
      }),
    );
  };
}

/** The PRICE_DRIFT rows of this reconciliation, channel and page's SKUs (one per SKU). */
function driftRowsOf(
  prisma: ActivityDeps['prisma'],
  reconciliationId: string,
  channelId: string,
  productIds: readonly string[],
): Promise<DriftRow[]> {
  return prisma.$queryRaw<DriftRow[]>`
    SELECT id, product_id, resolution::text AS resolution, value_minor, system_price_minor FROM discrepancies
     WHERE reconciliation_id = ${reconciliationId}::uuid AND channel_id = ${channelId}::uuid AND class = 'PRICE_DRIFT'
       AND product_id IN (${Prisma.join(productIds.map((id) => Prisma.sql`${id}::uuid`))})
     ORDER BY product_id`;
}
