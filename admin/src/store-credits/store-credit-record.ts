import { type RaRecord } from 'react-admin';

export interface StoreCreditRedemptionRow {
  id: string;
  storeId: string;
  storeName: string;
  amountMinor: number;
  receiptNumber: string;
  redeemedByName: string;
  createdAt: string;
}

/** `GET /api/store-credits/:id`; a list row is the same without `redemptions`. */
export interface StoreCreditRecord extends RaRecord {
  id: string;
  code: string;
  customerName: string | null;
  issuedAtStoreName: string;
  amountMinor: number;
  balanceMinor: number;
  currency: string;
  returnId: string | null;
  expiresAt: string | null;
  createdAt: string;
  redemptions?: StoreCreditRedemptionRow[];
}

/** Nothing left to spend, or past its date: the till cannot take it. */
export function isSpendable(credit: Pick<StoreCreditRecord, 'balanceMinor' | 'expiresAt'>, now = Date.now()): boolean {
  return credit.balanceMinor > 0 && (credit.expiresAt === null || new Date(credit.expiresAt).getTime() > now);
}
