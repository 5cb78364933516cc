import { z } from 'zod';
import { boundedText } from '../../domain/validation/text';
import { UnfulfillablePickupPolicy } from '../../prisma/client';
import { booleanFilterSchema, idFilterSchema, listQuerySchema } from '../lists/list-query';
import { idSchema } from '../openapi/common-schemas';

export const storeSchema = z
  .object({
    id: idSchema,
    code: z.string(),
    name: z.string(),
    city: z.string(),
    address: z.string(),
    openingHours: z.string().meta({ description: 'As customers read it in messages, e.g. "Mon-Sat 10:00-19:00"' }),
    timeZone: z.string().meta({ description: 'IANA time zone; pickup deadlines are local times' }),
    currency: z.string().length(3),
    pickSlaMinutes: z.number().int(),
    pickEscalationMinutes: z
      .number()
      .int()
      .meta({ description: 'Minutes after a missed pick SLA until the pick task moves to the store manager queue' }),
    pickupReminderMinutes: z.array(z.number().int()),
    pickupExpiryHours: z.number().int(),
    unfulfillablePolicy: z.enum(UnfulfillablePickupPolicy),
    active: z.boolean(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Store' });

export const storeListQuerySchema = listQuerySchema({
  sortable: ['code', 'name', 'city', 'createdAt'],
  defaultSort: { field: 'code', order: 'ASC' },
  filter: z.strictObject({
    id: idFilterSchema.optional(),
    q: boundedText({ max: 100 }).optional().meta({ description: 'Matches code, name or city' }),
    active: booleanFilterSchema.optional(),
  }),
});

/** A week: longer pick SLAs or pickup windows would be a data-entry mistake, not a policy. */
const maxPickupMinutes = 7 * 24 * 60;

/**
 * Pickup settings an ops lead tunes per store, and where and when customers find it. Fields left out stay as they are; other fields of the
 * record (react-admin sends the whole record) are ignored, not rejected.
 */
export const updateStoreBodySchema = z
  .object({
    // What the customer's messages say about the store (where to come, when it is open).
    address: boundedText({ max: 200 }).optional(),
    openingHours: boundedText({ max: 200, min: 0 }).optional(),
    pickSlaMinutes: z.number().int().min(5).max(maxPickupMinutes).optional(),
    pickEscalationMinutes: z.number().int().positive().max(maxPickupMinutes).optional(),
    pickupReminderMinutes: z
      .array(z.number().int().min(1).max(maxPickupMinutes))
      .max(5)
      .refine(
        (minutes) => minutes.every((value, index) => index === 0 || value > (minutes[index - 1] ?? 0)),
        'reminders must be in ascending order without repeats',
      )
      .optional(),
    pickupExpiryHours: z
      .number()
      .int()
      .min(1)
      .max(maxPickupMinutes / 60)
      .optional(),
    unfulfillablePolicy: z.enum(UnfulfillablePickupPolicy).optional(),
  })
  .meta({ id: 'UpdateStore' });

export type UpdateStoreBody = z.output<typeof updateStoreBodySchema>;
