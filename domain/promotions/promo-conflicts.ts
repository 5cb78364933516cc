/** Statuses in which a promotion holds its SKUs on its channels for its window. */
export const CONFLICTING_STATUSES = ['PENDING_APPROVAL', 'APPROVED', 'SCHEDULED', 'ACTIVE', 'ROLLING_BACK'] as const;

export interface PromoWindow {
  id: string;
  name: string;
  startsAt: Date;
  endsAt: Date;
  skus: readonly string[];
  channelCodes: readonly string[];
}

export interface PromoConflict {
  otherPromotionId: string;
  otherPromotionName: string;
  sku: string;
  channelCode: string;
}

/** Half-open windows [start, end): one promotion may end at the instant the next one starts. */
export function windowsOverlap(a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

/**
 * Our choice (docs/promotions.md): no priorities. A SKU on a channel is in at most one promotion at any
 * instant, so a candidate that overlaps another on the same SKU and channel is refused, naming the other
 * promotion and the SKUs; two prices competing on a shelf is the very confusion promotions must remove.
 */
export function promoConflicts(candidate: PromoWindow, others: readonly PromoWindow[]): PromoConflict[] {
  const skus = new Set(candidate.skus);
  const channels = new Set(candidate.channelCodes);
  const conflicts: PromoConflict[] = [];
  for (const other of others) {
    if (other.id === candidate.id || !windowsOverlap(candidate, other)) continue;
    const sharedChannels = other.channelCodes.filter((code) => channels.has(code));
    if (sharedChannels.length === 0) continue;
    for (const sku of other.skus) {
      if (!skus.has(sku)) continue;
      for (const channelCode of sharedChannels)
        conflicts.push({ otherPromotionId: other.id, otherPromotionName: other.name, sku, channelCode });
    }
  }
  return conflicts;
}
