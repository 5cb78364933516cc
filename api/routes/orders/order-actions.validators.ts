import { z } from 'zod';
import { boundedText } from '../../../domain/validation/text';
import { pickupSteps } from '../../../domain/pickup/pickup-workflow';
import { openTaskSchema, timelineEntrySchema } from '../workflow-runs/workflow-runs.validators';

export const cancelOrderBodySchema = z
  .object({ reason: boundedText({ min: 3, max: 500 }) })
  .meta({ id: 'CancelOrder', description: 'Why the order is cancelled; shown in the timeline and sent to the customer' });

export const orderTimelineSchema = z
  .object({
    orderId: z.string(),
    currentStep: z.enum(pickupSteps),
    storeCode: z.string(),
    openTask: openTaskSchema.nullable(),
    entries: z.array(timelineEntrySchema),
  })
  .meta({ id: 'OrderTimeline' });

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
