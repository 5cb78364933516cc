import { z } from 'zod';
import { InvalidDataError } from '../../domain/errors';
import { int4 } from '../../domain/validation/integers';
import { taskOutcome } from './task-outcome-registration';

export const outageChecklistOutcomeBodySchema = z.strictObject({ acknowledged: z.literal(true) }).meta({ id: 'OutageChecklistOutcome' });

export const stockCountOutcomeBodySchema = z
  .strictObject({
    counts: z
      .array(z.strictObject({ sku: z.string().trim().min(1).max(64), counted: int4({ min: 0, max: 1_000_000 }) }))
      .min(1)
      .max(500),
  })
  .meta({ id: 'StockCountOutcome' });

/** Every SKU the task asked for, each exactly once, and nothing else (400 on `counts` otherwise). */
function throwIfCountsDoNotMatch(counts: { sku: string }[], payload: unknown): void {
  const asked = ((payload as { skus?: { sku: string }[] }).skus ?? []).map((s) => s.sku);
  const counted = counts.map((c) => c.sku);
  const missing = asked.filter((sku) => !counted.includes(sku));
  const extra = counted.filter((sku) => !asked.includes(sku));
  if (missing.length > 0 || extra.length > 0 || new Set(counted).size !== counted.length)
    throw new InvalidDataError('Count every SKU of this task exactly once', {
      counts:
        [missing.length > 0 && `missing ${missing.join(', ')}`, extra.length > 0 && `not in this task: ${extra.join(', ')}`]
          .filter(Boolean)
          .join('; ') || 'a SKU is counted twice',
    });
}

/** The outage workflow's task types people complete: the store checklist and stock counts (docs/outages.md). */
export const outageTaskOutcomes = [
  taskOutcome({
    taskType: 'OUTAGE_CHECKLIST',
    bodySchema: outageChecklistOutcomeBodySchema,
    toOutcome: () => ({ type: 'OUTAGE_CHECKLIST', acknowledged: true }),
  }),
  taskOutcome({
    taskType: 'STOCK_COUNT',
    bodySchema: stockCountOutcomeBodySchema,
    toOutcome: (body, task) => {
      throwIfCountsDoNotMatch(body.counts, task.payload);
      return { type: 'STOCK_COUNT', counts: body.counts };
    },
  }),
];
