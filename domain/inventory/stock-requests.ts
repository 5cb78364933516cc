import { z } from 'zod';
import { MAX_LINE_QUANTITY } from '../validation/integers';

/**
 * What callers (workflows through activities, later the API) send to change stock. Every change names
 * who asked, which workflow (if any) and why, because each one is written to the movement ledger.
 */

/** Quantities land in int4 columns; a bound far below 2^31 keeps sums of deltas from overflowing. */
export { MAX_LINE_QUANTITY };

/**
 * The business key makes a change idempotent (`reserve:<orderId>`, `release:<orderId>:<lineId>`).
 * `#` is reserved: ledger rows of multi-line changes are keyed `<businessKey>#<sku>`.
 */
export const businessKeySchema = z
  .string()
  .trim()
  .min(3)
  .max(200)
  .regex(/^[^#\s]+$/, 'Must not contain "#" or spaces');

export const storeCodeSchema = z.string().trim().min(1).max(64);
export const skuSchema = z.string().trim().min(1).max(64);

export const stockActorSchema = z.object({
  /** The person behind the change; null when a system process (a workflow, a sync) decided it. */
  userId: z.uuid().nullable(),
  /** Readable name for the ledger: the user's e-mail, or e.g. `workflow:pickup`. */
  label: z.string().trim().min(1).max(200),
});

const quantitySchema = z.number().int().positive().max(MAX_LINE_QUANTITY);

export const stockQuantityLineSchema = z.object({ sku: skuSchema, quantity: quantitySchema });

const changeContextShape = {
  storeCode: storeCodeSchema,
  businessKey: businessKeySchema,
  actor: stockActorSchema,
  workflowId: z.string().trim().min(1).max(255).nullable(),
  reason: z.string().trim().min(1).max(500),
};

/** Reserve, release and consume all move whole units of SKUs at one store. */
export const stockQuantityChangeSchema = z.object({
  ...changeContextShape,
  lines: z.array(stockQuantityLineSchema).min(1),
});

/** Kinds of on-hand adjustment, as recorded in the ledger. */
export const adjustmentKinds = ['RECEIVE', 'ADJUST', 'RETURN_RESTOCK', 'WRITE_OFF', 'OFFLINE_SALE', 'RECONCILE'] as const;
export type AdjustmentKind = (typeof adjustmentKinds)[number];

export const stockAdjustmentLineSchema = z.object({
  sku: skuSchema,
  /** Signed change of on hand: + for goods in, - for goods out or a count correction down. */
  delta: z
    .number()
    .int()
    .min(-MAX_LINE_QUANTITY)
    .max(MAX_LINE_QUANTITY)
    .refine((delta) => delta !== 0, 'Must not be zero'),
});

export const stockAdjustmentSchema = z.object({
  ...changeContextShape,
  kind: z.enum(adjustmentKinds),
  lines: z.array(stockAdjustmentLineSchema).min(1),
});

export type StockActor = z.infer<typeof stockActorSchema>;
export type StockQuantityChangeRequest = z.infer<typeof stockQuantityChangeSchema>;
export type StockReservationRequest = StockQuantityChangeRequest;
export type StockReleaseRequest = StockQuantityChangeRequest;
export type StockConsumptionRequest = StockQuantityChangeRequest;
export type StockAdjustmentRequest = z.infer<typeof stockAdjustmentSchema>;
