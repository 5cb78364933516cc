import { z } from 'zod';
import { lineQuantity } from '../validation/integers';
import { boundedText } from '../validation/text';

/**
 * What a person sends to complete a task, per task type (validated by the API), and what the API
 * forwards to the workflow that waits for it. The two differ for HANDOVER on purpose: the API checks the
 * pickup code against the stored hash and forwards only whether it matched, so the clear code never
 * enters a workflow history.
 */

export const pickOutcomeBodySchema = z
  .object({
    lines: z
      .array(z.object({ lineId: z.uuid(), pickedQuantity: lineQuantity({ allowZero: true }) }))
      .min(1)
      .refine((lines) => new Set(lines.map((line) => line.lineId)).size === lines.length, 'each order line at most once'),
  })
  .meta({ id: 'PickOutcome', description: 'Picked quantity of every order line; less than ordered is a short pick' });

export const handoverOutcomeBodySchema = z
  .object({ code: boundedText({ min: 4, max: 32 }) })
  .meta({ id: 'HandoverOutcome', description: 'The pickup code the customer shows' });

export const customerDecisionBodySchema = z
  .discriminatedUnion('decision', [
    z.object({ decision: z.literal('MOVE_TO_STORE'), storeCode: boundedText({ max: 64 }) }),
    z.object({ decision: z.literal('CANCEL') }),
  ])
  .meta({ id: 'CustomerDecisionOutcome', description: 'What the customer chose when their store could not cover the order' });

/** Task types a person completes through `POST /api/tasks/:id/complete`, with their body schemas. */
export const completableTaskBodySchemas = {
  PICK: pickOutcomeBodySchema,
  HANDOVER: handoverOutcomeBodySchema,
  CUSTOMER_SERVICE: customerDecisionBodySchema,
} as const;

export type CompletableTaskType = keyof typeof completableTaskBodySchemas;

export function isCompletableTaskType(type: string): type is CompletableTaskType {
  return Object.hasOwn(completableTaskBodySchemas, type);
}

export type PickOutcome = { type: 'PICK' } & z.output<typeof pickOutcomeBodySchema>;
export type HandoverOutcome = { type: 'HANDOVER'; codeMatched: boolean };
export type CustomerDecisionOutcome = { type: 'CUSTOMER_SERVICE' } & z.output<typeof customerDecisionBodySchema>;

/** The outcome as the workflow receives it in the completeTask Update. */
export type TaskOutcome = PickOutcome | HandoverOutcome | CustomerDecisionOutcome;
