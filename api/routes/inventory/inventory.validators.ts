import { z } from 'zod';
import { boundedText } from '../../../domain/validation/text';
import { booleanFilterSchema, idFilterSchema, listQuerySchema } from '../../lists/list-query';
import { idSchema } from '../../openapi/common-schemas';

/** Stock of one SKU in one store, with what a person needs to read the row without a second lookup. */
export const inventoryLevelSchema = z
  .object({
    id: idSchema,
    storeId: idSchema,
    storeCode: z.string(),
    storeName: z.string(),
    productId: idSchema,
    sku: z.string(),
    productName: z.string(),
    onHand: z.number().int(),
    reserved: z.number().int(),
    available: z.number().int().meta({ description: 'onHand - reserved: what can still be sold or reserved' }),
    version: z.number().int(),
    updatedAt: z.date(),
  })
  .meta({ id: 'InventoryLevel' });

export type InventoryLevelRow = z.input<typeof inventoryLevelSchema>;

export const inventorySortFields = ['sku', 'productName', 'storeCode', 'onHand', 'reserved', 'available', 'updatedAt'] as const;

export const inventoryListQuerySchema = listQuerySchema({
  sortable: inventorySortFields,
  defaultSort: { field: 'sku', order: 'ASC' },
  filter: z.strictObject({
    id: idFilterSchema.optional(),
    storeId: idFilterSchema.optional().meta({ description: 'One store id or a list (store staff: only their own)' }),
    productId: idFilterSchema.optional(),
    sku: boundedText({ max: 100 }).optional().meta({ description: 'Exact SKU' }),
    q: boundedText({ max: 100 }).optional().meta({ description: 'Matches SKU or product name' }),
    lowStock: booleanFilterSchema.optional().meta({ description: 'true: available at or below the low-stock threshold; false: above it' }),
  }),
});

export type InventoryListQuery = z.output<typeof inventoryListQuerySchema>;
