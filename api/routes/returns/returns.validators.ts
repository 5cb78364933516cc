import { z } from 'zod';
import { lineQuantity } from '../../../domain/validation/integers';
import { boundedText } from '../../../domain/validation/text';
import {
  RefundStatus,
  ReturnDisposition,
  ReturnItemCondition,
  ReturnReason,
  ReturnRefundMethod,
  ReturnStatus,
} from '../../../prisma/client';
import { idFilterSchema, listQuerySchema } from '../../lists/list-query';
import { idSchema } from '../../openapi/common-schemas';

export const createReturnBodySchema = z
  .strictObject({
    orderId: idSchema,
    /** The receiving store: the clerk's own; ops leads and admins name it. */
    storeId: idSchema.optional(),
    lines: z
      .array(
        z.strictObject({
          orderLineId: idSchema,
          quantity: lineQuantity(),
          /** What the clerk sees at the counter; the inspection grades it later. */
          conditionSeen: z.enum(ReturnItemCondition).optional(),
        }),
      )
      .min(1)
      .max(100),
    reasonCode: z.enum(ReturnReason),
    reason: boundedText({ max: 500 }),
    overrideReason: boundedText({ max: 500 }).optional(),
    proofOfPurchase: z.boolean().default(true),
    refundMethod: z.enum(['CASH', 'STORE_CREDIT']).optional().meta({
      description:
        'Till sales only (POS, web orders paid at pickup or on delivery): the customer’s choice, cash by default. Any other sale is refunded through where it was paid; naming a method for it is a 400',
    }),
  })
  .meta({ id: 'CreateReturn', description: 'A return taken at a store counter; each refused line comes back with its reason' });

export const returnLineSchema = z.object({
  id: idSchema,
  orderLineId: idSchema,
  sku: z.string(),
  productName: z.string(),
  quantity: z.number().int(),
  conditionSeen: z.enum(ReturnItemCondition).nullable(),
  condition: z.enum(ReturnItemCondition).nullable(),
  disposition: z.enum(ReturnDisposition).nullable(),
  refundMinor: z.number().int(),
  refundStatus: z.enum(RefundStatus).nullable(),
  refundReference: z.string().nullable(),
});

export const returnSchema = z
  .object({
    id: idSchema,
    orderId: idSchema,
    orderExternalId: z.string(),
    channelCode: z.string(),
    /** Who the item is given back to (a hand-back) or refunded: the order's customer, when it has one. */
    customerName: z.string().nullable(),
    status: z.enum(ReturnStatus),
    reasonCode: z.enum(ReturnReason),
    reason: z.string(),
    overrideReason: z.string().nullable(),
    proofOfPurchase: z.boolean(),
    approvalReasons: z.array(z.string()),
    refundMethod: z.enum(ReturnRefundMethod),
    handedBackAt: z.date().nullable(),
    receivedAtStoreId: idSchema.nullable(),
    storeCode: z.string().nullable(),
    requestedByLabel: z.string(),
    requestedByUserId: idSchema.nullable(),
    approvedByUserId: idSchema.nullable(),
    approvedAt: z.date().nullable(),
    workflowId: z.string().nullable(),
    currency: z.string(),
    refundTotalMinor: z.number().int(),
    lines: z.array(returnLineSchema),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Return' });

export const returnListQuerySchema = listQuerySchema({
  sortable: ['createdAt', 'status'],
  defaultSort: { field: 'createdAt', order: 'DESC' },
  filter: z.strictObject({
    id: idFilterSchema.optional(),
    storeId: idFilterSchema.optional(),
    channelId: idFilterSchema.optional(),
    orderId: idSchema.optional(),
    status: z.enum(ReturnStatus).optional(),
  }),
});

export const orderLookupQuerySchema = z.strictObject({
  q: boundedText({ min: 3, max: 100 }).meta({ description: 'Order number, the channel’s order id, or the customer’s phone or e-mail' }),
});

export const returnableOrderSchema = z
  .object({
    id: idSchema,
    externalId: z.string(),
    channelCode: z.string(),
    status: z.string(),
    placedAt: z.date(),
    customerName: z.string().nullable(),
    currency: z.string(),
    refundRoute: z.enum(['CHANNEL', 'PAYMENT_PROVIDER', 'TILL']).meta({
      description:
        'Where a refund goes back (domain/returns/refund-route.ts): TILL sales take refundMethod CASH or STORE_CREDIT, the others go back to where they were paid',
    }),
    lines: z.array(
      z.object({
        id: idSchema,
        sku: z.string(),
        name: z.string(),
        quantity: z.number().int(),
        returnedQuantity: z.number().int(),
        /** Units the customer received (picked for a pickup): returnable is this less returnedQuantity. */
        deliveredQuantity: z.number().int(),
        unitPriceMinor: z.number().int(),
        status: z.string(),
      }),
    ),
  })
  .meta({ id: 'ReturnableOrder' });

export const inspectionOutcomeBodySchema = z
  .strictObject({
    lines: z
      .array(
        z.strictObject({
          returnLineId: idSchema,
          grade: z.enum(ReturnItemCondition),
          disposition: z.enum(ReturnDisposition),
          note: boundedText({ max: 500 }).optional(),
        }),
      )
      .min(1)
      .max(100),
  })
  .meta({ id: 'ReturnInspectionOutcome', description: 'Grade and disposition of every line of the return' });

export const returnHandbackOutcomeBodySchema = z
  .strictObject({ note: boundedText({ max: 500 }).optional() })
  .meta({ id: 'ReturnHandbackOutcome', description: 'The rejected item was handed back to the customer; an optional note' });

export const manualRefundOutcomeBodySchema = z
  .strictObject({ reference: boundedText({ min: 3, max: 200 }) })
  .meta({ id: 'ManualRefundOutcome', description: 'The reference of the refund made by hand' });
