import { z } from 'zod';
import { boundedText } from '../../../domain/validation/text';
import { idFilterSchema, listQuerySchema } from '../../lists/list-query';
import { idSchema } from '../../openapi/common-schemas';

/**
 * What the customer shows at the till, SC-XXXX-XXXX, typed in any case, with or without dashes or spaces:
 * the code in its stored form, or null while it is not a whole code yet.
 */
export function wholeStoreCreditCode(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '');
  if (!/^SC[A-Z0-9]{8}$/.test(compact)) return null;
  return `SC-${compact.slice(2, 6)}-${compact.slice(6)}`;
}

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
    /** ISO 4217 minor units of the credit's currency (IDR 2: Rp 150.000 is 15000000). */
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
    /**
     * A whole code finds that credit wherever it was issued (how a clerk finds one from another store);
     * part of a code, while it is being typed, searches the credits the caller may browse.
     */
    code: boundedText({ max: 40 }).optional(),
    issuedAtStoreId: idFilterSchema.optional(),
    customerId: idSchema.optional(),
  }),
});
