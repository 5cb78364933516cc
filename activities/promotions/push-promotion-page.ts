import { type Context } from '@temporalio/activity';
import { setTimeout as sleep } from 'node:timers/promises';
import { type ChannelAdapter, type PriceRow, type PushResult } from '../../channels/channel-adapter';
import { ChannelRejectedError } from '../../channels/channel-errors';
import { type ActivityDeps } from '../deps';
import { keepHeartbeating } from '../channels/keep-heartbeating';
import { withTemporalFailures } from '../failures/to-temporal-failure';
import { promoPriceOf, readPromotionPage, type PageSku } from './promotion-page';
import { priceChangeKey, recordPriceChanges } from './record-price-changes';

export type PromotionPushPhase = 'APPLY' | 'RESTORE';

export interface PushPromotionPageInput {
  promotionId: string;
  channelCode: string;
  phase: PromotionPushPhase;
  /** Numbers the page in the pass; part of the idempotency key `price:<promotionId>:<channel>:<page>`. */
  pageNumber: number;
  afterProductId: string | null;
  pageSize: number;
  /** Re-pushes of what read-back still shows wrong, then it is listed as failed. */
  maxRepushes: number;
  /** Wait before each read-back (async channels apply a moment later). */
  readBackDelayMs: number;
  /** Only these SKUs (a retry of the failed ones); all of the page otherwise. */
  onlySkus?: string[];
  /** Set on a retry the decision task asked for: part of its keys, so the retry is a new write. */
  retryRound?: number;
  /** Skip the SKUs whose change for this phase is verified already (a retry, a second restore pass). */
  onlyUnverified?: boolean;
}

/** Failing SKUs a result names; the counts are complete, the lists are for people. */
export const MAX_NAMED_SKUS = 20;

export interface PushPromotionPageResult {
  lastProductId: string | null;
  hasMore: boolean;
  skus: number;
  pushed: number;
  verified: number;
  repushed: number;
  failed: number;
  /** RESTORE: changed on the channel since the promotion set it; left alone. */
  handChanged: number;
  failedSkus: string[];
  handChangedSkus: string[];
}

interface Target {
  sku: PageSku;
  priceMinor: number;
  previousMinor: number;
}

/**
 * One page of a promotion on one channel: APPLY snapshots what the channel shows now (read back, once per
 * SKU), pushes the promo price; RESTORE puts the snapshot back unless the channel shows neither the promo
 * price nor the snapshot (someone changed it by hand: left and reported). Then every SKU is read back,
 * what differs is re-pushed up to `maxRepushes` times, and each SKU's outcome is a PriceChange row keyed by
 * promotion, channel and SKU. The adapter paces every call to the channel's rate limit and batch size.
 */
export function createPushPromotionPage({ prisma, channels }: Pick<ActivityDeps, 'prisma' | 'channels'>) {
  return async function pushPromotionPage(input: PushPromotionPageInput): Promise<PushPromotionPageResult> {
    return withTemporalFailures(() =>
      keepHeartbeating(async (context) => {
        const page = await readPromotionPage(prisma, { ...input, limit: input.pageSize });
        const lastProductId = page.skus.at(-1)?.productId ?? null;
        const hasMore = page.skus.length === input.pageSize;
        const only = input.onlySkus === undefined ? null : new Set(input.onlySkus);
        const verifiedBefore = input.onlyUnverified === true ? await verifiedSkus(prisma, input, page.skus) : new Set<string>();
        const skus = page.skus.filter(
          (sku) =>
            (only === null || only.has(sku.sku)) &&
            !verifiedBefore.has(sku.sku) &&
            // Nothing to put back where no snapshot was taken: the promotion never wrote there.
            (input.phase === 'APPLY' || sku.snapshotTaken),
        );
        const empty = {
          lastProductId,
          hasMore,
          skus: 0,
          pushed: 0,
          verified: 0,
          repushed: 0,
          failed: 0,
          handChanged: 0,
          failedSkus: [],
          handChangedSkus: [],
        };
        if (skus.length === 0) return empty;
        const adapter = await channels.adapterFor(input.channelCode);
        const currency = page.promotion.currency;

        const shownNow = await shownPrices(adapter, skus, context);
        context.heartbeat({ pageNumber: input.pageNumber, step: 'read back before' });
        let targets: Target[];
        const handChangedSkus: string[] = [];
        let alreadyRight: Target[] = [];
        if (input.phase === 'APPLY') {
          const missing = skus.filter((sku) => !sku.snapshotTaken);
          if (missing.length > 0)
            await prisma.promotionPriceSnapshot.createMany({
              data: missing.map((sku) => ({
                promotionId: input.promotionId,
                channelId: page.channel.id,
                productId: sku.productId,
                priceMinor: shownNow.get(sku.sku)?.price ?? null,
                currency: shownNow.get(sku.sku)?.currency ?? null,
              })),
              skipDuplicates: true,
            });
          const snapshots = await prisma.promotionPriceSnapshot.findMany({
            where: { promotionId: input.promotionId, channelId: page.channel.id, productId: { in: skus.map((sku) => sku.productId) } },
          });
          const snapshotOf = new Map(snapshots.map((row) => [row.productId, row.priceMinor]));
          targets = skus.map((sku) => ({
            sku,
            priceMinor: promoPriceOf(page, sku),
            previousMinor: snapshotOf.get(sku.productId) ?? sku.basePriceMinor,
          }));
        } else {
          targets = [];
          for (const sku of skus) {
            // A snapshot without a price: the channel showed no price of its own before the push, so the push
            // took the base price as the one it replaced (APPLY's previousMinor), and that is what comes back.
            // Skipping it left the promotion's price on the channel after the end or a rollback.
            const restoreTo = sku.snapshotPriceMinor ?? sku.basePriceMinor;
            const shown = shownNow.get(sku.sku)?.price ?? null;
            const promo = promoPriceOf(page, sku);
            const target = { sku, priceMinor: restoreTo, previousMinor: promo };
            if (shown === restoreTo) alreadyRight.push(target);
            else if (shown !== promo) handChangedSkus.push(sku.sku);
            else targets.push(target);
          }
        }
        if (input.phase === 'APPLY') {
          alreadyRight = targets.filter((target) => shownNow.get(target.sku.sku)?.price === target.priceMinor);
          const right = new Set(alreadyRight.map((target) => target.sku.sku));
          targets = targets.filter((target) => !right.has(target.sku.sku));
        }

        const keyBase = `${input.phase === 'APPLY' ? 'price' : 'restore'}:${input.promotionId}:${input.channelCode}:${input.pageNumber}`;
        const rowsOf = (list: Target[]): PriceRow[] => list.map((target) => ({ sku: target.sku.sku, price: target.priceMinor, currency }));
        // A retry's page is a batch of its own (its own key), so the first pass's figures stay as they were.
        const batchKey = input.retryRound === undefined ? keyBase : `${keyBase}:retry-${input.retryRound}`;
        const first = targets.length === 0 ? null : await pushRows(adapter, rowsOf(targets), batchKey, context);
        if (first !== null)
          await prisma.priceChangeBatch.upsert({
            where: { idempotencyKey: batchKey },
            create: {
              idempotencyKey: batchKey,
              promotionId: input.promotionId,
              channelId: page.channel.id,
              batch: input.pageNumber,
              rows: targets.length,
              succeeded: first.succeeded,
              failed: first.failed,
            },
            update: { succeeded: first.succeeded, failed: first.failed },
          });
        context.heartbeat({ pageNumber: input.pageNumber, step: 'pushed' });

        let wrong = targets;
        let repushed = 0;
        const repushKey = (round: number) => `${batchKey}:repush-${round}`;
        for (let round = 0; wrong.length > 0; round += 1) {
          await sleep(input.readBackDelayMs, undefined, { signal: context.cancellationSignal });
          const shown = await shownPrices(
            adapter,
            wrong.map((target) => target.sku),
            context,
          );
          wrong = wrong.filter((target) => shown.get(target.sku.sku)?.price !== target.priceMinor);
          context.heartbeat({ pageNumber: input.pageNumber, step: `verified, ${wrong.length} wrong` });
          if (wrong.length === 0 || round >= input.maxRepushes) break;
          await pushRows(adapter, rowsOf(wrong), repushKey(round + 1), context);
          repushed += wrong.length;
        }
        const failedSet = new Set(wrong.map((target) => target.sku.sku));
        const verifiedTargets = [...alreadyRight, ...targets.filter((target) => !failedSet.has(target.sku.sku))];
        await recordPriceChanges(prisma, {
          promotionId: input.promotionId,
          channelId: page.channel.id,
          channelCode: input.channelCode,
          phase: input.phase,
          currency,
          verified: verifiedTargets.map(({ sku, priceMinor, previousMinor }) => ({
            productId: sku.productId,
            sku: sku.sku,
            priceMinor,
            previousMinor,
          })),
          failed: wrong.map(({ sku, priceMinor, previousMinor }) => ({
            productId: sku.productId,
            sku: sku.sku,
            priceMinor,
            previousMinor,
          })),
        });
        return {
          lastProductId,
          hasMore,
          skus: skus.length,
          pushed: first?.succeeded ?? 0,
          verified: verifiedTargets.length,
          repushed,
          failed: wrong.length,
          handChanged: handChangedSkus.length,
          failedSkus: wrong.slice(0, MAX_NAMED_SKUS).map((target) => target.sku.sku),
          handChangedSkus: handChangedSkus.slice(0, MAX_NAMED_SKUS),
        };
      }),
    );
  };
}

/** SKUs of the page whose change for this phase is verified (APPLIED) already. */
async function verifiedSkus(
  prisma: Pick<ActivityDeps, 'prisma'>['prisma'],
  input: Pick<PushPromotionPageInput, 'promotionId' | 'channelCode' | 'phase'>,
  skus: readonly PageSku[],
): Promise<Set<string>> {
  const keys = skus.map((sku) => priceChangeKey(input.phase, input.promotionId, input.channelCode, sku.sku));
  const rows = await prisma.priceChange.findMany({
    where: { idempotencyKey: { in: keys }, status: 'APPLIED' },
    select: { idempotencyKey: true },
  });
  const verified = new Set(rows.map((row) => row.idempotencyKey));
  return new Set(skus.filter((sku, index) => verified.has(keys[index] ?? '')).map((sku) => sku.sku));
}

async function shownPrices(adapter: ChannelAdapter, skus: readonly PageSku[], context: Context) {
  const { listings } = await adapter.readBack({ skus: skus.map((sku) => sku.sku), signal: context.cancellationSignal });
  return new Map(
    listings.filter((listing) => listing.listed).map((listing) => [listing.sku, { price: listing.price, currency: listing.currency }]),
  );
}

/**
 * Pushes under the page's key. A key an earlier attempt used with other rows (a SKU verified in between
 * is no longer sent) is refused as reused; price writes set absolute values, so the rows go again under
 * a key naming this attempt.
 */
async function pushRows(adapter: ChannelAdapter, rows: PriceRow[], idempotencyKey: string, context: Context): Promise<PushResult> {
  try {
    return await adapter.pushPrices({ rows, idempotencyKey, signal: context.cancellationSignal });
  } catch (error) {
    if (!(error instanceof ChannelRejectedError && error.channelErrorCode === 'IDEMPOTENCY_KEY_REUSED')) throw error;
    return adapter.pushPrices({
      rows,
      idempotencyKey: `${idempotencyKey}:attempt-${context.info.attempt}`,
      signal: context.cancellationSignal,
    });
  }
}
