import { outageMessages } from '../outages/messages';
import { returnMessages } from '../returns/messages';
import { promotionMessages } from '../promotions/messages';
import { stockAdjustmentMessages } from '../stock-adjustments/messages';
import { stockCountMessages } from '../stock-counts/messages';
import { storeCreditMessages } from '../store-credits/messages';

/**
 * Labels a workflow domain brings with its screens (returns, promotions, outages, ...): each domain keeps
 * them next to its screens in `admin/src/<domain>/messages.ts` and adds one line here. Every language the
 * UI offers has its own entry, so a new screen cannot ship in English only.
 */
export interface DomainMessages {
  /** English: `resources.<name>.*` for react-admin's menu, titles and field labels; `omni.<domain>.*` for ours. */
  en: MessageTree;
  /** Bahasa Indonesia, the same keys. */
  id: MessageTree;
}

export interface MessageTree {
  [key: string]: string | MessageTree;
}

export const domainMessages: DomainMessages[] = [
  stockAdjustmentMessages,
  outageMessages,
  returnMessages,
  promotionMessages,
  storeCreditMessages,
  stockCountMessages,
];

/** Adds the domains' labels of one language to its base messages (a domain never overrides a base key). */
export function withDomainMessages<T extends object>(base: T, language: keyof DomainMessages): T {
  return domainMessages.reduce<T>((merged, domain) => mergeTrees(merged, domain[language]) as T, base);
}

function mergeTrees(base: object, extra: MessageTree): object {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const existing = merged[key];
    if (typeof value === 'string') {
      if (existing === undefined) merged[key] = value;
    } else {
      merged[key] = mergeTrees(typeof existing === 'object' && existing !== null ? existing : {}, value);
    }
  }
  return merged;
}
