import { z } from 'zod';
import { boundedText } from '../validation/text';

/**
 * The promotion's human tasks and the contract with the admin screens (docs/promotions.md, "Tasks"):
 * the DECISION task after a partial rollout (ops leads) and a SHELF_LABEL task per store at the start and
 * at the end (store queue).
 */
export const PROMOTION_DECISION_TASK = 'PROMOTION_DECISION';
export const SHELF_LABEL_TASK = 'SHELF_LABEL';

export const promotionDecisions = ['RETRY_FAILED', 'ROLL_BACK', 'ACCEPT_PARTIAL'] as const;
export type PromotionDecision = (typeof promotionDecisions)[number];

/** SKUs a decision task names per channel (the counts are complete). */
export const DECISION_FAILING_SKUS_LISTED = 100;

/** One channel's figures in a decision task, counted from price_changes / price_change_batches. */
export interface DecisionChannelFigures {
  channel: string;
  /** SKUs of the promotion. */
  total: number;
  /** Rows the channel accepted on this promotion's pushes (batches), at most `total`. */
  pushed: number;
  /** SKUs read back at the promo price. */
  verified: number;
  /** SKUs not (yet) shown at the promo price: `total - verified`. */
  failed: number;
  /** The channel was down through every attempt of the pass, or its status is OUTAGE/DISABLED (skipped). */
  unavailable: boolean;
  /** The first SKUs (by SKU) not shown at the promo price. */
  failingSkus: string[];
}

export interface PromotionDecisionPayload {
  promotionId: string;
  /** 1 for the first decision; each RETRY_FAILED that still leaves failures asks again with the next round. */
  round: number;
  channels: DecisionChannelFigures[];
}

/** Body of POST /api/tasks/:id/complete for a PROMOTION_DECISION task. */
export const promotionDecisionBodySchema = z
  .strictObject({
    decision: z.enum(promotionDecisions),
    reason: boundedText({ max: 500 }).optional(),
  })
  .superRefine((body, context) => {
    if (body.decision !== 'RETRY_FAILED' && body.reason === undefined)
      context.addIssue({
        code: 'custom',
        path: ['reason'],
        message: `a reason is required to ${body.decision === 'ROLL_BACK' ? 'roll back' : 'accept a partial rollout'}`,
      });
  })
  .meta({ id: 'PromotionDecisionOutcome', description: 'RETRY_FAILED, ROLL_BACK or ACCEPT_PARTIAL (the last two with a reason)' });

export type PromotionDecisionBody = z.infer<typeof promotionDecisionBodySchema>;

/** Body of a SHELF_LABEL completion: nothing; completing it says the labels were changed. */
export const shelfLabelBodySchema = z
  .strictObject({})
  .meta({ id: 'ShelfLabelOutcome', description: 'Empty: the shelf labels are changed' });

export type PromotionDecisionOutcome = { type: typeof PROMOTION_DECISION_TASK; decision: PromotionDecision; reason: string | null };
export type ShelfLabelOutcome = { type: typeof SHELF_LABEL_TASK };

export type ShelfLabelPhase = 'START' | 'END';

export interface ShelfLabelSku {
  sku: string;
  name: string;
  oldPriceMinor: number;
  newPriceMinor: number;
  currency: string;
}

/** A SHELF_LABEL task's payload. A store with more SKUs than one task lists gets several parts. */
export interface ShelfLabelPayload {
  promotionId: string;
  phase: ShelfLabelPhase;
  storeCode: string;
  /** 1-based part of `parts`; each part lists at most the configured SKUs per task. */
  part: number;
  parts: number;
  /** SKUs of the store changing in this phase, over all parts. */
  skuCount: number;
  skus: ShelfLabelSku[];
}

export function shelfLabelWorkflowId(promotionId: string, phase: ShelfLabelPhase, storeCode: string): string {
  return `promo:${promotionId}:shelf-labels:${phase.toLowerCase()}:${storeCode}`;
}
