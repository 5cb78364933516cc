import { PROMOTION_SUBJECT } from '../../domain/promotions/promotion-rules';
import { STOCK_ADJUSTMENT_SUBJECT } from '../../domain/stock-adjustments/stock-adjustment-rules';
import { type Prisma } from '../../prisma/client';
import { loadPromotionSubject } from '../promotions/promotion-subject';
import { RETURN_SUBJECT } from '../../domain/returns/return-workflow';
import { loadReturnSubject } from '../returns/return-subject';
import { loadStockAdjustmentSubject } from '../stock-adjustments/stock-adjustment-subject';

/** What approvals need of any subject: its version, a one-line summary and the fields a diff compares. */
export interface ApprovalSubjectView {
  version: number;
  storeId: string | null;
  summary: string;
  fields: Record<string, string | number | boolean | null>;
}

type SubjectLoader = (tx: Prisma.TransactionClient, id: string) => Promise<ApprovalSubjectView | null>;

/**
 * Every kind of record approvals cover, one line each: a new workflow that asks for approvals adds its
 * subject's loader here (returns over a value, promotions, reconciliation corrections).
 */
const subjectLoaders: Record<string, SubjectLoader> = {
  [STOCK_ADJUSTMENT_SUBJECT]: loadStockAdjustmentSubject,
  [PROMOTION_SUBJECT]: loadPromotionSubject,
  [RETURN_SUBJECT]: loadReturnSubject,
};

export async function loadApprovalSubject(tx: Prisma.TransactionClient, subjectType: string, subjectId: string) {
  const load = subjectLoaders[subjectType];
  if (load === undefined) throw new Error(`No approval subject of type ${subjectType} is registered`);
  return load(tx, subjectId);
}

/** Field-by-field changes between the subject when approval was asked and now. */
export function subjectDiff(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { field: string; before: unknown; after: unknown }[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return fields
    .filter((field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null))
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}
