import { z } from 'zod';
import { boundedText } from '../../../domain/validation/text';
import { idFilterSchema, listQuerySchema } from '../../lists/list-query';
import { idSchema } from '../../openapi/common-schemas';

/** What the customer shows at the till: SC-XXXX-XXXX, typed in any case and with or without the dashes. */
export const storeCreditCodeSchema = z
  .string()
  .trim()
  .transform((code) => code.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^SC[A-Z0-9]{8}$/, 'a store credit code looks like SC-ABCD-2345'))
  .transform((code) => `SC-${code.slice(2, 6)}-${code.slice(6)}`);

export const storeCreditRedemptionSchema = z
  .object({
    id: idSchema,
    storeId: idSchema,
    storeName: z.string(),
    amountMinor: z.number().int(),
    receiptNumber: z.string(),
    redeemedByUserId: idSchema,
    redeemedByName: z.string(),
    createdAt: z.date(),
  })
  .meta({ id: 'StoreCreditRedemption' });

const storeCreditFields = {
  id: idSchema,
  code: z.string(),
  customerId: idSchema.nullable(),
  customerName: z.string().nullable(),
  issuedAtStoreId: idSchema,
  issuedAtStoreName: z.string(),
  amountMinor: z.number().int(),
  balanceMinor: z.number().int(),
  currency: z.string(),
  /** The return whose refund this credit is (null for credit issued otherwise). */
  returnId: idSchema.nullable(),
  expiresAt: z.date().nullable(),
  createdAt: z.date(),
};

export const storeCreditSummarySchema = z.object(storeCreditFields).meta({ id: 'StoreCreditSummary' });

export const storeCreditSchema = z
  .object({ ...storeCreditFields, redemptions: z.array(storeCreditRedemptionSchema) })
  .meta({ id: 'StoreCredit' });

export const redeemStoreCreditBodySchema = z
  .strictObject({
    /** Minor units of the credit's currency (IDR has none: rupiah). */
    amountMinor: z.number().int().positive().max(1_000_000_000_000),
    /** The till receipt the credit pays; the same receipt again is the same redemption (a retry), not a second one. */
    receiptNumber: boundedText({ max: 100 }),
    /** Where the till is: store staff redeem at their own store (the default); head office names it. */
    storeId: idSchema.optional(),
  })
  .meta({ id: 'RedeemStoreCredit' });

export const storeCreditListQuerySchema = listQuerySchema({
  sortable: ['createdAt', 'balanceMinor'],
  defaultSort: { field: 'createdAt', order: 'DESC' },
  filter: z.strictObject({
    id: idFilterSchema.optional(),
    /** The exact code (how a clerk finds a credit issued at another store). */
    code: storeCreditCodeSchema.optional(),
    issuedAtStoreId: idFilterSchema.optional(),
    customerId: idSchema.optional(),
  }),
});
