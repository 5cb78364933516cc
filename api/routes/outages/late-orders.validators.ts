import { z } from 'zod';
import { OrderStatus } from '../../../prisma/client';
import { listQuerySchema } from '../../lists/list-query';
import { idSchema } from '../../openapi/common-schemas';

export const lateOrderSchema = z
  .object({
    id: idSchema.meta({ description: 'The order id (the order page is /orders/<id>)' }),
    externalId: z.string().meta({ description: "The channel's order id" }),
    channelCode: z.string(),
    pickupStoreCode: z.string().nullable(),
    status: z.enum(OrderStatus),
    totalMinor: z.number().int(),
    currency: z.string(),
    placedAt: z.date().meta({ description: 'When the channel took it (during the outage)' }),
    takenInAt: z.date().meta({ description: "When the outage's run fetched it from the channel and took it in" }),
    discrepancyId: idSchema,
  })
  .meta({ id: 'LateOrder' });

export const lateOrderListQuerySchema = listQuerySchema({
  sortable: ['placedAt', 'takenInAt'],
  defaultSort: { field: 'placedAt', order: 'ASC' },
  filter: z.strictObject({}),
});
