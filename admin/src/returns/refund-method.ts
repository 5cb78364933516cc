import { type ReturnableOrder, type ReturnRecord } from './return-record';

/** Where a sale's refund goes back (domain/returns/refund-route.ts), as the counter's search says it. */
export type RefundRoute = ReturnableOrder['refundRoute'];

/** What a customer returning a till sale may choose (the API's `refundMethod`). */
export const tillRefundMethods = ['CASH', 'STORE_CREDIT'] as const;
export type TillRefundMethod = (typeof tillRefundMethods)[number];

/**
 * What the "Return items" form offers for the refund: a till sale's customer chooses cash or store
 * credit at the counter; any other sale goes back where it was paid, and the form only says where
 * (`omni.return.refund_to.<route>`), since naming a method for it is a 400.
 */
export type RefundChoice = { kind: 'choose'; methods: readonly TillRefundMethod[] } | { kind: 'original'; saying: string };

export function refundChoiceFor(route: RefundRoute): RefundChoice {
  return route === 'TILL' ? { kind: 'choose', methods: tillRefundMethods } : { kind: 'original', saying: `omni.return.refund_to.${route}` };
}

/** The store credit codes a return's refunds issued (the refund row's reference is `store-credit:<code>`). */
export function storeCreditCodesOf(record: Pick<ReturnRecord, 'lines'>): string[] {
  const prefix = 'store-credit:';
  return record.lines.flatMap((line) =>
    line.refundReference?.startsWith(prefix) === true ? [line.refundReference.slice(prefix.length)] : [],
  );
}
