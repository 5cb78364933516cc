import { type RaRecord } from 'react-admin';
import { minorUnitExponent } from '../../../domain/money/currency-exponent';

/** GET /api/promotions/:id (api/routes/promotions/promotions.validators.ts). */
export interface PromotionRecord extends RaRecord<string> {
  name: string;
  discountType: DiscountType;
  discountValue: number;
  currency: string;
  timeZone: string;
  startsLocal: string;
  endsLocal: string;
  startsAt: string;
  endsAt: string;
  status: PromotionStatus;
  version: number;
  categories: string[];
  brands: string[];
  skuCount: number;
  channelCodes: string[];
  requestedByUserId: string;
  approvedByUserId: string | null;
  rejectionReason: string | null;
  workflowId: string | null;
}

export type DiscountType = 'PERCENT' | 'FIXED' | 'FIXED_PRICE';
export type PromotionStatus =
  'DRAFT' | 'PENDING_APPROVAL' | 'APPROVED' | 'SCHEDULED' | 'ACTIVE' | 'ROLLING_BACK' | 'ENDED' | 'FAILED' | 'REJECTED' | 'CANCELLED';

export const promotionStatuses: readonly PromotionStatus[] = [
  'DRAFT',
  'PENDING_APPROVAL',
  'APPROVED',
  'SCHEDULED',
  'ACTIVE',
  'ROLLING_BACK',
  'ENDED',
  'FAILED',
  'REJECTED',
  'CANCELLED',
];
export const promotionStatusChoices = promotionStatuses.map((id) => ({ id, name: `omni.promotion.status.${id}` }));

/** The list's tabs (issue #11), each one status of the API's filter; "all" has none. */
export const promotionTabs = ['DRAFT', 'PENDING_APPROVAL', 'SCHEDULED', 'ACTIVE', 'ENDED', 'FAILED', 'all'] as const;

export const discountTypeChoices = (['PERCENT', 'FIXED', 'FIXED_PRICE'] as const).map((id) => ({
  id,
  name: `omni.promotion.discount.${id}`,
}));

/** The API's edit rule (domain/promotions/promotion-rules.ts EDITABLE_STATUSES). */
export const isEditable = (status: PromotionStatus) => ['DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'SCHEDULED'].includes(status);

/** The API's cancel rule (domain/promotions/promotion-cancel.ts): until it ends, is restored or refused. */
export const isCancellable = (status: PromotionStatus) => ['DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'SCHEDULED', 'ACTIVE'].includes(status);

/** Nothing moves a promotion any more: its page stops asking the API again. */
export const isSettled = (status: PromotionStatus) => ['ENDED', 'FAILED', 'REJECTED', 'CANCELLED'].includes(status);

/** While these last the rollout screen asks the API again. */
export const isRollingOut = (status: PromotionStatus) => ['APPROVED', 'SCHEDULED', 'ACTIVE', 'ROLLING_BACK'].includes(status);

/** Money is typed in the currency's major unit (5.50 EUR, 10000 IDR) and sent in ISO 4217 minor units. */
export function toMinorUnits(amount: number, currency: string): number {
  return Math.round(amount * 10 ** minorUnitExponent(currency));
}

export function toMajorUnits(amountMinor: number, currency: string): number {
  return amountMinor / 10 ** minorUnitExponent(currency);
}

/** What the form edits: the record's fields, money in major units, and whether every channel is meant. */
export interface PromotionFormValues {
  name: string;
  discountType: DiscountType;
  /** PERCENT: whole percent; otherwise money in major units. */
  discountAmount: number;
  currency: string;
  timeZone: string;
  startsLocal: string;
  endsLocal: string;
  skus: string[];
  categories: string[];
  brands: string[];
  allChannels: boolean;
  channelCodes: string[];
}

/** The API's body (domain/promotions/promotion-schemas.ts) from the form's values. */
export function promotionBodyOf(values: PromotionFormValues) {
  const value =
    values.discountType === 'PERCENT' ? Math.round(values.discountAmount) : toMinorUnits(values.discountAmount, values.currency);
  return {
    name: values.name,
    discount: { type: values.discountType, value },
    currency: values.currency,
    timeZone: values.timeZone,
    startsLocal: values.startsLocal,
    endsLocal: values.endsLocal,
    skus: values.skus,
    categories: values.categories,
    brands: values.brands,
    ...(!values.allChannels && { channelCodes: values.channelCodes }),
  };
}

/** The form's values from a saved promotion (its SKUs come separately: the record only counts them). */
export function formValuesOf(record: PromotionRecord, skus: string[], allChannelCodes: readonly string[]): PromotionFormValues {
  const all = allChannelCodes.length > 0 && allChannelCodes.every((code) => record.channelCodes.includes(code));
  return {
    name: record.name,
    discountType: record.discountType,
    discountAmount: record.discountType === 'PERCENT' ? record.discountValue : toMajorUnits(record.discountValue, record.currency),
    currency: record.currency,
    timeZone: record.timeZone,
    startsLocal: record.startsLocal,
    endsLocal: record.endsLocal,
    skus,
    categories: record.categories,
    brands: record.brands,
    allChannels: all,
    channelCodes: record.channelCodes,
  };
}

/**
 * The API's 400 `errors` split for people: field errors stay on their inputs; per-SKU ones
 * (`floor.<sku>.<channel>`, `conflicts.<sku>.<channel>`, `skus.<sku>`, `brands.<brand>`, `rows.<line>`) become a list.
 */
export interface ScopeProblem {
  kind: 'floor' | 'conflict' | 'unknown_sku' | 'unknown_brand' | 'row' | 'channel' | 'file' | 'other';
  subject: string;
  channel: string | null;
  message: string;
}

export function scopeProblemsOf(errors: Record<string, string> | undefined): ScopeProblem[] {
  if (errors === undefined) return [];
  return Object.entries(errors).flatMap(([key, message]): ScopeProblem[] => {
    const [head, ...rest] = key.split('.');
    const tail = rest.join('.');
    switch (head) {
      case 'floor':
      case 'conflicts': {
        // SKUs may contain dots; the channel code never does, so it is the last segment.
        const dot = tail.lastIndexOf('.');
        return [
          {
            kind: head === 'floor' ? 'floor' : 'conflict',
            subject: dot < 0 ? tail : tail.slice(0, dot),
            channel: dot < 0 ? null : tail.slice(dot + 1),
            message,
          },
        ];
      }
      case 'skus':
        return tail === '' ? [] : [{ kind: 'unknown_sku', subject: tail, channel: null, message }];
      case 'brands':
        return tail === '' ? [] : [{ kind: 'unknown_brand', subject: tail, channel: null, message }];
      case 'rows':
        return [{ kind: 'row', subject: tail, channel: null, message }];
      case 'channelCodes':
        return tail === '' ? [] : [{ kind: 'channel', subject: tail, channel: null, message }];
      case 'file':
        return [{ kind: 'file', subject: '', channel: null, message }];
      default:
        return [];
    }
  });
}

/** Keys of `errors` that belong to a form input (shown next to it by react-admin). */
export const fieldErrorKeys = [
  'name',
  'discount',
  'discount.value',
  'currency',
  'timeZone',
  'startsLocal',
  'endsLocal',
  'skus',
  'categories',
  'brands',
  'channelCodes',
];
