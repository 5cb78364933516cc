import { z } from 'zod';
import { boundedText } from '../../domain/validation/text';
import { booleanFilterSchema, idFilterSchema, listQuerySchema } from '../lists/list-query';
import { idSchema } from '../openapi/common-schemas';

export const productSchema = z
  .object({
    id: idSchema,
    sku: z.string(),
    name: z.string(),
    description: z.string(),
    category: z.string(),
    brand: z.string().nullable().meta({ description: 'Null: the product has no brand' }),
    basePriceMinor: z.number().int().meta({ description: 'Minor units (cents) of `currency`' }),
    floorPriceMinor: z.number().int().meta({ description: 'Lowest price a promotion may set, minor units' }),
    currency: z.string().length(3),
    active: z.boolean(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Product' });

export const productListQuerySchema = listQuerySchema({
  sortable: ['sku', 'name', 'category', 'brand', 'basePriceMinor', 'createdAt'],
  defaultSort: { field: 'sku', order: 'ASC' },
  filter: z.strictObject({
    id: idFilterSchema.optional(),
    q: boundedText({ max: 100 }).optional().meta({ description: 'Matches SKU or name' }),
    sku: boundedText({ max: 100 }).optional().meta({ description: 'Exact SKU' }),
    category: boundedText({ max: 100 }).optional().meta({ description: 'Exact category' }),
    brand: boundedText({ max: 100 }).optional().meta({ description: 'Exact brand' }),
    active: booleanFilterSchema.optional(),
  }),
});
