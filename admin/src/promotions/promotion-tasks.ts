/** The task contract with the rollout workflow (docs/promotions.md, "Tasks"). */
export interface DecisionChannel {
  channel: string;
  total: number;
  pushed: number;
  verified: number;
  failed: number;
  unavailable: boolean;
  failingSkus: string[];
}

export interface DecisionPayload {
  promotionId: string;
  channels: DecisionChannel[];
}

export type PromotionDecision = 'RETRY_FAILED' | 'ROLL_BACK' | 'ACCEPT_PARTIAL';
export const promotionDecisions: readonly PromotionDecision[] = ['RETRY_FAILED', 'ROLL_BACK', 'ACCEPT_PARTIAL'];

/** Reasons the API takes (the kit's bounded text). */
export const MIN_REASON_LENGTH = 3;
export const MAX_REASON_LENGTH = 500;

/** A roll-back or an accepted partial rollout must say why; a retry needs no reason. */
export function reasonRequired(decision: PromotionDecision): boolean {
  return decision !== 'RETRY_FAILED';
}

/**
 * The completion body for the decision, or the message key of what is missing. The API checks the same,
 * the form only saves a round trip and says it next to the field.
 */
export function decisionBodyOf(
  decision: PromotionDecision | null,
  reason: string,
): { body: { decision: PromotionDecision; reason?: string } } | { error: string } {
  if (decision === null) return { error: 'omni.promotion.decision.choose' };
  const trimmed = reason.trim();
  if (reasonRequired(decision) && trimmed.length < MIN_REASON_LENGTH) return { error: 'omni.promotion.decision.reason_required' };
  if (trimmed.length > MAX_REASON_LENGTH) return { error: 'omni.promotion.decision.reason_too_long' };
  return { body: { decision, ...(trimmed !== '' && { reason: trimmed }) } };
}

/** What the decision screen's headline says: how many SKUs are not right, on how many channels, and which are down. */
export function decisionSummaryOf(payload: DecisionPayload) {
  const failing = payload.channels.filter((channel) => channel.unavailable || channel.failed > 0 || channel.verified < channel.total);
  return {
    failingChannels: failing.length,
    unavailableChannels: payload.channels.filter((channel) => channel.unavailable).map((channel) => channel.channel),
    notVerified: payload.channels.reduce((sum, channel) => sum + Math.max(0, channel.total - channel.verified), 0),
  };
}

export interface ShelfLabelSku {
  sku: string;
  name: string;
  oldPriceMinor: number;
  newPriceMinor: number;
  currency: string;
}

export interface ShelfLabelPayload {
  promotionId: string;
  phase: 'START' | 'END';
  skus: ShelfLabelSku[];
}

/** The printable list: SKU order (how shelves are walked with a scanner), money in the UI's language. */
export function shelfLabelRowsOf(payload: ShelfLabelPayload, money: (amountMinor: number, currency: string) => string) {
  return [...payload.skus]
    .sort((a, b) => a.sku.localeCompare(b.sku))
    .map((row) => ({
      sku: row.sku,
      name: row.name,
      oldPrice: money(row.oldPriceMinor, row.currency),
      newPrice: money(row.newPriceMinor, row.currency),
      down: row.newPriceMinor < row.oldPriceMinor,
    }));
}
