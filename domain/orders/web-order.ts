import { z } from 'zod';
import { isoDateTime } from '../validation/dates';
import { lineQuantity, unitPriceMinor } from '../validation/integers';
import { boundedText, emailAddress } from '../validation/text';

/** An order is one basket; anything larger is a data error, not a customer. Matches the channels' limit. */
export const MAX_ORDER_LINES = 100;

/** Our own external ids: what the web store's checkout hands out, safe in URLs and workflow ids. */
export const externalOrderIdSchema = z
  .string()
  .trim()
  .max(64)
  .regex(/^[A-Za-z0-9._:-]{1,64}$/, 'must be 1-64 letters, digits, ".", "_", ":" or "-"');

/**
 * An order taken by our own web store (`POST /api/orders`). Prices come from the catalogue unless the
 * checkout states what the customer agreed to; the channel is always the web store.
 */
export const webOrderSchema = z
  .object({
    externalId: externalOrderIdSchema.meta({
      description: 'The web store’s order number; a repeat with the same one returns the same order',
    }),
    customer: z
      .object({
        name: boundedText({ max: 200 }),
        email: emailAddress().optional(),
        phone: boundedText({ min: 3, max: 32 })
          .optional()
          .meta({ description: 'International (+31 6 ...) or national in INTAKE_PHONE_REGION' }),
        externalId: boundedText({ max: 200 }).optional().meta({ description: 'The customer’s web store account id' }),
      })
      .refine((customer) => customer.email !== undefined || customer.phone !== undefined, {
        message: 'give an e-mail or a phone number, so the customer can be told',
        path: ['email'],
      }),
    fulfilmentType: z.enum(['PICKUP', 'SHIP']),
    pickupStoreCode: boundedText({ max: 64 }).optional().meta({ description: 'Required for PICKUP, e.g. AMS-01' }),
    lines: z
      .array(
        z.object({
          sku: boundedText({ max: 64 }),
          quantity: lineQuantity(),
          unitPriceMinor: unitPriceMinor().optional().meta({ description: 'Minor units; default: the catalogue’s base price' }),
        }),
      )
      .min(1)
      .max(MAX_ORDER_LINES),
    payment: z
      .object({
        provider: boundedText({ max: 64 }),
        reference: boundedText({ max: 200 }),
        status: z.enum(['AUTHORIZED', 'CAPTURED']),
      })
      .optional()
      .meta({ description: 'The checkout’s payment; absent means the customer pays at pickup (payment PENDING)' }),
    placedAt: isoDateTime().optional(),
  })
  .refine((order) => order.fulfilmentType !== 'PICKUP' || order.pickupStoreCode !== undefined, {
    message: 'required for PICKUP',
    path: ['pickupStoreCode'],
  })
  .meta({
    id: 'NewWebOrder',
    example: {
      externalId: 'WEB-100234',
      customer: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+31612345678', externalId: 'account-1815' },
      fulfilmentType: 'PICKUP',
      pickupStoreCode: 'AMS-01',
      lines: [{ sku: 'APP-TSH-BLK', quantity: 1, unitPriceMinor: 2499 }],
      payment: { provider: 'web-psp', reference: 'psp-100234', status: 'CAPTURED' },
      placedAt: '2026-12-01T10:14:58.000Z',
    },
  });

export type WebOrder = z.infer<typeof webOrderSchema>;
