import { z } from 'zod';
import { boundedText } from '../../../domain/validation/text';
import { pickupSteps } from '../../../domain/pickup/pickup-workflow';

export const cancelOrderBodySchema = z
  .object({ reason: boundedText({ min: 3, max: 500 }) })
  .meta({ id: 'CancelOrder', description: 'Why the order is cancelled; shown in the timeline and sent to the customer' });

export const timelineEntrySchema = z.object({
  step: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  actor: z.string().nullable(),
  outcome: z.string().nullable(),
});

export const orderTimelineSchema = z
  .object({
    orderId: z.string(),
    currentStep: z.enum(pickupSteps),
    storeCode: z.string(),
    openTask: z.object({ taskId: z.string(), type: z.string() }).nullable(),
    entries: z.array(timelineEntrySchema),
    source: z.enum(['workflow', 'records']).meta({
      description:
        '`workflow`: the live query. `records`: a closed order whose worker did not answer in time, rebuilt from orders, tasks and audit (no reminders or wrong codes)',
    }),
  })
  .meta({ id: 'OrderTimeline' });

export type OrderTimeline = z.output<typeof orderTimelineSchema>;

export const cancelledOrderSchema = z
  .object({
    id: z.string(),
    status: z.string(),
    cancelReason: z.string().nullable(),
    cancelledAt: z.date().nullable(),
    timeline: orderTimelineSchema.nullable().meta({
      description: 'null when the process took the cancellation but had not finished it within TEMPORAL_CALL_TIMEOUT_MS (answered 202)',
    }),
  })
  .meta({ id: 'CancelledOrder' });
