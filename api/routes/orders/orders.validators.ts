import { z } from 'zod';
import { boundedText } from '../../../domain/validation/text';
import { webOrderSchema } from '../../../domain/orders/web-order';
import { ChannelKind, FulfilmentType, OrderLineStatus, OrderStatus, PaymentStatus, WorkflowStartStatus } from '../../../prisma/client';
import { idFilterSchema, listQuerySchema } from '../../lists/list-query';
import { idSchema } from '../../openapi/common-schemas';

/** An order as lists show it: flat, with the codes and names a row needs without further lookups. */
export const orderSummarySchema = z
  .object({
    id: idSchema,
    externalId: z.string(),
    status: z.enum(OrderStatus),
    fulfilmentType: z.enum(FulfilmentType),
    channelId: idSchema,
    channelCode: z.string(),
    pickupStoreId: idSchema.nullable(),
    pickupStoreCode: z.string().nullable(),
    customerId: idSchema.nullable(),
    customerName: z.string().nullable(),
    currency: z.string(),
    totalMinor: z.number().int().meta({ description: 'Minor units (cents)' }),
    placedAt: z.date(),
    workflowId: z.string().nullable().meta({ description: 'Set exactly when the pickup run exists' }),
    startStatus: z.enum(WorkflowStartStatus).nullable().meta({
      description:
        'PENDING: accepted, its run not started yet (retried automatically); STARTED: the run exists; FAILED: Temporal refused it, retry with start-fulfilment; null: no workflow (not a pickup)',
    }),
    fulfilmentStartError: z.string().nullable().meta({ description: 'While the run is not started: why the last attempt failed' }),
    updatedAt: z.date(),
  })
  .meta({ id: 'OrderSummary' });

export const orderDetailSchema = orderSummarySchema
  .extend({
    channel: z.object({ id: idSchema, code: z.string(), name: z.string(), kind: z.enum(ChannelKind) }),
    pickupStore: z.object({ id: idSchema, code: z.string(), name: z.string(), city: z.string(), timeZone: z.string() }).nullable(),
    customer: z.object({ id: idSchema, name: z.string(), phone: z.string().nullable(), email: z.string().nullable() }).nullable(),
    lines: z.array(
      z.object({
        id: idSchema,
        productId: idSchema,
        sku: z.string(),
        productName: z.string(),
        quantity: z.number().int(),
        unitPriceMinor: z.number().int(),
        pickedQuantity: z.number().int(),
        status: z.enum(OrderLineStatus),
      }),
    ),
    payments: z.array(
      z.object({
        id: idSchema,
        provider: z.string(),
        externalRef: z.string(),
        amountMinor: z.number().int(),
        currency: z.string(),
        status: z.enum(PaymentStatus),
      }),
    ),
    intakeNotes: z.array(z.string()).meta({ description: 'How intake matched the customer, and anything it could not use' }),
    channelSequence: z.number().int(),
    readyForPickupAt: z.date().nullable(),
    collectedAt: z.date().nullable(),
    cancelledAt: z.date().nullable(),
    cancelReason: z.string().nullable(),
    createdAt: z.date(),
    workflowStart: z
      .object({
        status: z.enum(WorkflowStartStatus),
        attempts: z.number().int(),
        lastError: z.string().nullable(),
        nextAttemptAt: z.date().nullable().meta({ description: 'When a pending start is tried again' }),
        startedAt: z.date().nullable(),
      })
      .nullable()
      .meta({ description: 'The start of the pickup run (workflow_starts); null for orders without one' }),
  })
  .meta({ id: 'Order' });

export type OrderSummaryRow = z.input<typeof orderSummarySchema>;
export type OrderDetailRow = z.input<typeof orderDetailSchema>;

const oneOrMany = <T extends z.ZodType>(schema: T) =>
  z.union([schema, z.array(schema).max(50)]).transform((value) => (Array.isArray(value) ? value : [value]) as z.output<T>[]);

export const orderListQuerySchema = listQuerySchema({
  sortable: ['placedAt', 'createdAt', 'updatedAt', 'status', 'totalMinor', 'externalId'],
  defaultSort: { field: 'placedAt', order: 'DESC' },
  filter: z.strictObject({
    id: idFilterSchema.optional(),
    status: oneOrMany(z.enum(OrderStatus)).optional().meta({ description: 'One status or a list' }),
    storeId: idFilterSchema.optional().meta({ description: 'Pickup store id or ids (store staff: only their own)' }),
    channelId: idFilterSchema.optional(),
    customerId: idSchema.optional(),
    fulfilmentType: z.enum(FulfilmentType).optional(),
    startStatus: oneOrMany(z.enum(WorkflowStartStatus))
      .optional()
      .meta({ description: 'Orders whose pickup run start is PENDING (retrying), FAILED or STARTED; one or a list' }),
    q: boundedText({ max: 100 }).optional().meta({ description: 'Matches the external order id or the customer’s name, e-mail or phone' }),
  }),
});

export const createWebOrderBodySchema = webOrderSchema;
