import { NotFoundError } from '../../domain/errors';
import {
  DECISION_FAILING_SKUS_LISTED,
  type DecisionChannelFigures,
  type PromotionDecisionPayload,
} from '../../domain/promotions/promotion-tasks';
import { type PrismaClient } from '../../prisma/client';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';
import { insertTaskOnce } from '../tasks/open-task';

export interface OpenPromotionDecisionInput {
  promotionId: string;
  round: number;
  /** Chosen by the workflow, so it accepts the completion the moment the task is visible. */
  taskId: string;
  workflowId: string;
  dueAt: string;
  /** Channels whose pass ended UNAVAILABLE (down through every attempt, or skipped for their status). */
  unavailableChannels: string[];
}

export interface OpenPromotionDecisionResult {
  taskId: string;
  channels: DecisionChannelFigures[];
}

/**
 * The DECISION task after a partial rollout: per channel of the promotion its figures counted from the
 * tables (what promo-ui's progress reads too), not from the run's memory, so a retry's result and a
 * continued-as-new channel run are all in. One task per promotion and round (idempotency key).
 */
export function createOpenPromotionDecision({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function openPromotionDecision(input: OpenPromotionDecisionInput): Promise<OpenPromotionDecisionResult> {
    return withTemporalFailures(async () => {
      const promotion = await prisma.promotion.findUnique({
        where: { id: input.promotionId },
        select: { id: true, name: true, channels: { select: { channel: { select: { id: true, code: true } } } } },
      });
      if (promotion === null) throw new NotFoundError(`Promotion ${input.promotionId} not found`);
      const unavailable = new Set(input.unavailableChannels);
      const channels = await Promise.all(
        promotion.channels
          .map(({ channel }) => channel)
          .sort((a, b) => (a.code < b.code ? -1 : 1))
          .map((channel) => channelFigures(prisma, input.promotionId, channel, unavailable.has(channel.code))),
      );
      const payload: PromotionDecisionPayload = { promotionId: input.promotionId, round: input.round, channels };
      const short = channels.filter((channel) => channel.unavailable || channel.failed > 0).map((channel) => channel.channel);
      const { taskId } = await insertTaskOnce(prisma, {
        taskId: input.taskId,
        idempotencyKey: `promotion-decision:${input.promotionId}:${input.round}`,
        type: 'PROMOTION_DECISION',
        queue: 'OPS',
        title: `Promotion "${promotion.name}" is partial on ${short.join(', ')}: retry, roll back or accept`,
        storeCode: null,
        workflowId: input.workflowId,
        dueAt: input.dueAt,
        payload: { ...payload, channels: payload.channels.map((channel) => ({ ...channel })) },
      });
      return { taskId, channels };
    });
  };
}

async function channelFigures(
  prisma: PrismaClient,
  promotionId: string,
  channel: { id: string; code: string },
  unavailable: boolean,
): Promise<DecisionChannelFigures> {
  const prefix = `price:${promotionId}:${channel.code}:`;
  const [total, verified, batches, failing] = await Promise.all([
    prisma.promotionSku.count({ where: { promotionId } }),
    prisma.priceChange.count({ where: { promotionId, channelId: channel.id, status: 'APPLIED', idempotencyKey: { startsWith: prefix } } }),
    prisma.priceChangeBatch.aggregate({
      where: { promotionId, channelId: channel.id, idempotencyKey: { startsWith: prefix } },
      _sum: { succeeded: true },
    }),
    // SKUs without a verified change, by SKU: never pushed (channel down), rejected, or drifting.
    prisma.$queryRaw<{ sku: string }[]>`
      SELECT p.sku FROM promotion_skus ps
      JOIN products p ON p.id = ps.product_id
      LEFT JOIN price_changes pc ON pc.idempotency_key = ${prefix} || p.sku
      WHERE ps.promotion_id = ${promotionId}::uuid AND (pc.status IS NULL OR pc.status <> 'APPLIED')
      ORDER BY p.sku LIMIT ${DECISION_FAILING_SKUS_LISTED}`,
  ]);
  return {
    channel: channel.code,
    total,
    pushed: Math.min(total, batches._sum.succeeded ?? 0),
    verified,
    failed: total - verified,
    unavailable,
    failingSkus: failing.map((row) => row.sku),
  };
}
