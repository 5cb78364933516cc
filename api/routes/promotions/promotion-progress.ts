import { z } from 'zod';
import { estimatedFinish, limitBoundSeconds, measuredRatePerSecond } from '../../../domain/promotions/rollout-estimate';
import { ChannelKind, ChannelStatus, PromotionStatus, type PrismaClient } from '../../../prisma/client';
import { type ApiRouter } from '../../http/api-router';
import { idParamsSchema, idSchema } from '../../openapi/common-schemas';
import { countOf } from '../dashboard/sql-fragments';
import { findPromotion } from './promotion-view';

const passSchema = z.object({
  pushed: z.number().int().meta({ description: 'SKUs the channel accepted the price for (or already showed it)' }),
  verified: z.number().int().meta({ description: 'SKUs read back at the price' }),
  failed: z.number().int().meta({ description: 'SKUs read back at another price after the re-pushes' }),
  startedAt: z.date().nullable(),
  lastOutcomeAt: z.date().nullable(),
  ratePerSecond: z.number().nullable().meta({ description: 'SKUs settled per second so far (null: too early to say)' }),
  limitBoundSeconds: z.number().meta({ description: 'Fewest seconds the rate limit and batch size allow for what is left' }),
  estimatedFinishAt: z.date().nullable().meta({ description: 'Null when every SKU is settled' }),
});

export const promotionProgressSchema = z
  .object({
    promotionId: idSchema,
    status: z.enum(PromotionStatus),
    version: z.number().int(),
    skuCount: z.number().int(),
    phase: z.enum(['WAITING', 'APPLY', 'RESTORE']),
    checkedAt: z.date(),
    channels: z.array(
      z.object({
        channelId: idSchema,
        channelCode: z.string(),
        channelName: z.string(),
        channelKind: z.enum(ChannelKind),
        channelStatus: z.enum(ChannelStatus),
        requestsPerSecond: z.number(),
        maxBatchSize: z.number().int(),
        perItemCost: z.boolean(),
        asyncJobs: z.boolean(),
        total: z.number().int(),
        apply: passSchema,
        restore: passSchema,
      }),
    ),
    openTasks: z.array(z.object({ id: idSchema, type: z.string(), status: z.string(), title: z.string(), storeId: idSchema.nullable() })),
  })
  .meta({ id: 'PromotionProgress' });

interface ChannelRow {
  channelId: string;
  channelCode: string;
  channelName: string;
  channelKind: ChannelKind;
  channelStatus: ChannelStatus;
  requestsPerSecond: number;
  maxBatchSize: number;
  perItemCost: boolean;
  asyncJobs: boolean;
  applyVerified: bigint;
  applyFailed: bigint;
  applyLastAt: Date | null;
  restoreVerified: bigint;
  restoreFailed: bigint;
  restoreLastAt: Date | null;
  applyAccepted: bigint | null;
  applyBatchStartedAt: Date | null;
  restoreAccepted: bigint | null;
  restoreStartedAt: Date | null;
  snapshotStartedAt: Date | null;
}

/**
 * Per channel of one promotion, in one SQL statement: the price changes settled by read-back per pass
 * (`price:` keys apply, `restore:` keys put the snapshot back), the rows the channel accepted per pass
 * (price_change_batches) and when each pass started (its first batch or snapshot).
 */
async function channelRowsOf(prisma: PrismaClient, promotionId: string): Promise<ChannelRow[]> {
  return prisma.$queryRaw<ChannelRow[]>`
    WITH changes AS (
      SELECT channel_id,
        count(*) FILTER (WHERE starts_with(idempotency_key, 'price:') AND status IN ('APPLIED', 'REVERTED')) AS apply_verified,
        count(*) FILTER (WHERE starts_with(idempotency_key, 'price:') AND status = 'FAILED') AS apply_failed,
        max(updated_at) FILTER (WHERE starts_with(idempotency_key, 'price:')) AS apply_last_at,
        count(*) FILTER (WHERE starts_with(idempotency_key, 'restore:') AND status = 'APPLIED') AS restore_verified,
        count(*) FILTER (WHERE starts_with(idempotency_key, 'restore:') AND status = 'FAILED') AS restore_failed,
        max(updated_at) FILTER (WHERE starts_with(idempotency_key, 'restore:')) AS restore_last_at
      FROM price_changes WHERE promotion_id = ${promotionId}::uuid GROUP BY channel_id
    ), batches AS (
      SELECT channel_id,
        sum(succeeded) FILTER (WHERE starts_with(idempotency_key, 'price:')) AS apply_accepted,
        min(created_at) FILTER (WHERE starts_with(idempotency_key, 'price:')) AS apply_started_at,
        sum(succeeded) FILTER (WHERE starts_with(idempotency_key, 'restore:')) AS restore_accepted,
        min(created_at) FILTER (WHERE starts_with(idempotency_key, 'restore:')) AS restore_started_at
      FROM price_change_batches WHERE promotion_id = ${promotionId}::uuid GROUP BY channel_id
    ), snapshots AS (
      SELECT channel_id, min(taken_at) AS started_at
      FROM promotion_price_snapshots WHERE promotion_id = ${promotionId}::uuid GROUP BY channel_id
    )
    SELECT c.id AS "channelId", c.code AS "channelCode", c.name AS "channelName", c.kind::text AS "channelKind",
      c.status::text AS "channelStatus", c.requests_per_second AS "requestsPerSecond", c.max_batch_size AS "maxBatchSize",
      c.per_item_cost AS "perItemCost", c.async_jobs AS "asyncJobs",
      COALESCE(ch.apply_verified, 0) AS "applyVerified", COALESCE(ch.apply_failed, 0) AS "applyFailed",
      ch.apply_last_at AS "applyLastAt",
      COALESCE(ch.restore_verified, 0) AS "restoreVerified", COALESCE(ch.restore_failed, 0) AS "restoreFailed",
      ch.restore_last_at AS "restoreLastAt",
      b.apply_accepted AS "applyAccepted", b.apply_started_at AS "applyBatchStartedAt",
      b.restore_accepted AS "restoreAccepted", b.restore_started_at AS "restoreStartedAt",
      s.started_at AS "snapshotStartedAt"
    FROM promotion_channels pc
    JOIN channels c ON c.id = pc.channel_id
    LEFT JOIN changes ch ON ch.channel_id = c.id
    LEFT JOIN batches b ON b.channel_id = c.id
    LEFT JOIN snapshots s ON s.channel_id = c.id
    WHERE pc.promotion_id = ${promotionId}::uuid
    ORDER BY c.code`;
}

function earliest(...dates: (Date | null)[]): Date | null {
  const known = dates.filter((date): date is Date => date !== null);
  return known.length === 0 ? null : new Date(Math.min(...known.map((date) => date.getTime())));
}

function passOf(
  total: number,
  figures: { verified: number; failed: number; accepted: number; startedAt: Date | null; lastOutcomeAt: Date | null },
  limits: { requestsPerSecond: number; maxBatchSize: number; perItemCost: boolean },
  now: Date,
) {
  const done = figures.verified + figures.failed;
  const sample = { total, done, startedAt: figures.startedAt, lastOutcomeAt: figures.lastOutcomeAt };
  return {
    // A settled SKU was pushed (or already showed the price); a page between push and read-back counts its accepted rows.
    pushed: Math.min(total, Math.max(done, figures.accepted)),
    verified: figures.verified,
    failed: figures.failed,
    startedAt: figures.startedAt,
    lastOutcomeAt: figures.lastOutcomeAt,
    ratePerSecond: measuredRatePerSecond(sample),
    limitBoundSeconds: limitBoundSeconds(Math.max(0, total - done), limits),
    estimatedFinishAt: estimatedFinish(sample, limits, now),
  };
}

const RESTORE_STATUSES: readonly PromotionStatus[] = ['ROLLING_BACK', 'ENDED', 'CANCELLED'];
const APPLY_STATUSES: readonly PromotionStatus[] = ['ACTIVE', 'FAILED'];

/** The rollout screen's figures for one promotion (docs/promotions.md, "Rollout progress"). */
export async function promotionProgress(prisma: PrismaClient, promotionId: string, now = new Date()) {
  const promotion = await findPromotion(prisma, promotionId);
  const [rows, openTasks] = await Promise.all([
    channelRowsOf(prisma, promotionId),
    prisma.task.findMany({
      where: { workflowId: `promo:${promotionId}`, status: { in: ['OPEN', 'CLAIMED', 'LOCKED'] } },
      select: { id: true, type: true, status: true, title: true, storeId: true },
      orderBy: { createdAt: 'asc' },
    }),
  ]);
  const total = promotion._count.skus;
  const restoring = RESTORE_STATUSES.includes(promotion.status) || rows.some((row) => row.restoreStartedAt !== null);
  const applying = APPLY_STATUSES.includes(promotion.status) || rows.some((row) => row.snapshotStartedAt !== null);
  const phase: 'WAITING' | 'APPLY' | 'RESTORE' = restoring ? 'RESTORE' : applying ? 'APPLY' : 'WAITING';
  return {
    promotionId,
    status: promotion.status,
    version: promotion.version,
    skuCount: total,
    phase,
    checkedAt: now,
    channels: rows.map((row) => {
      const limits = { requestsPerSecond: row.requestsPerSecond, maxBatchSize: row.maxBatchSize, perItemCost: row.perItemCost };
      return {
        channelId: row.channelId,
        channelCode: row.channelCode,
        channelName: row.channelName,
        channelKind: row.channelKind,
        channelStatus: row.channelStatus,
        ...limits,
        asyncJobs: row.asyncJobs,
        total,
        apply: passOf(
          total,
          {
            verified: countOf(row.applyVerified),
            failed: countOf(row.applyFailed),
            accepted: countOf(row.applyAccepted),
            startedAt: earliest(row.applyBatchStartedAt, row.snapshotStartedAt),
            lastOutcomeAt: row.applyLastAt,
          },
          limits,
          now,
        ),
        restore: passOf(
          total,
          {
            verified: countOf(row.restoreVerified),
            failed: countOf(row.restoreFailed),
            accepted: countOf(row.restoreAccepted),
            startedAt: row.restoreStartedAt,
            lastOutcomeAt: row.restoreLastAt,
          },
          limits,
          now,
        ),
      };
    }),
    openTasks: openTasks.map((task) => ({ ...task, type: String(task.type), status: String(task.status) })),
  };
}

/** `GET /api/promotions/:id/progress`: read-only, every signed-in person (the promotion itself is readable by all). */
export function registerPromotionProgressRoute(api: ApiRouter, { prisma }: { prisma: PrismaClient }): void {
  api.route({
    method: 'get',
    path: '/api/promotions/:id/progress',
    summary: 'Rollout progress per channel: pushed, verified, failed of total, rate and estimated finish from the rate limit',
    description:
      'SQL aggregates over price_change_batches, price_changes and promotion_price_snapshots. A SKU a channel shows without a push counts as pushed once verified.',
    tags: ['promotions'],
    access: 'authenticated',
    request: { params: idParamsSchema },
    response: { description: 'Per channel, the apply pass and the restore pass', schema: promotionProgressSchema },
    otherResponses: [{ status: 404, description: 'No promotion with this id' }],
    handle: ({ params }) => promotionProgress(prisma, params.id),
  });
}
