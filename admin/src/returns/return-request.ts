import { type ReturnableLine, returnableUnits } from './return-record';

/** What the clerk filled in for one line of the order: units to take back ('' = none) and what they see. */
export interface LineEntry {
  quantity: string;
  conditionSeen: string;
}

export interface ReturnRequestBody {
  orderId: string;
  storeId?: string;
  lines: { orderLineId: string; quantity: number; conditionSeen?: string }[];
  reasonCode: string;
  reason: string;
  overrideReason?: string;
  proofOfPurchase: boolean;
  /** Till sales only: the customer's choice (refund-method.ts). */
  refundMethod?: 'CASH' | 'STORE_CREDIT';
}

/** Why a line's entry cannot be sent: not a whole number, or more than the customer can still bring back. */
export type LineProblem = 'not_a_number' | 'more_than_returnable' | null;

export function lineProblem(
  line: Pick<ReturnableLine, 'deliveredQuantity' | 'returnedQuantity'>,
  entry: LineEntry | undefined,
): LineProblem {
  const text = entry?.quantity.trim() ?? '';
  if (text === '') return null;
  if (!/^\d+$/.test(text)) return 'not_a_number';
  return Number(text) > returnableUnits(line) ? 'more_than_returnable' : null;
}

/** The lines with a quantity above 0, in the order's line order: the API answers refusals by this index. */
export function requestedLines(lines: readonly ReturnableLine[], entries: Readonly<Record<string, LineEntry>>): ReturnRequestBody['lines'] {
  return lines.flatMap((line) => {
    const entry = entries[line.id];
    const quantity = Number(entry?.quantity.trim() ?? '');
    if (entry === undefined || !Number.isInteger(quantity) || quantity <= 0) return [];
    return [{ orderLineId: line.id, quantity, ...(entry.conditionSeen !== '' && { conditionSeen: entry.conditionSeen }) }];
  });
}

/** One refusal the API gave for a line: its rule (`OUTSIDE_WINDOW`, ...) and its sentence. */
export interface LineRefusal {
  code: string;
  message: string;
}

/**
 * The API's 400 names refused lines by their index in the request (`lines.<index>.quantity` =
 * `<CODE>: <sentence>`, several joined by "; "). Turns that back into refusals per order line, and
 * leaves the other fields' errors (reason, storeId, ...) as they are.
 */
export function refusalsByLine(
  sent: ReturnRequestBody['lines'],
  errors: Readonly<Record<string, string>>,
): { byLine: Record<string, LineRefusal[]>; other: Record<string, string> } {
  const byLine: Record<string, LineRefusal[]> = {};
  const other: Record<string, string> = {};
  for (const [field, text] of Object.entries(errors)) {
    const match = /^lines\.(\d+)\.\w+$/.exec(field);
    const lineId = match === null ? undefined : sent[Number(match[1])]?.orderLineId;
    if (lineId === undefined) {
      other[field] = text;
      continue;
    }
    const refusals = text.split('; ').map((part) => {
      const coded = /^([A-Z_]+): (.*)$/s.exec(part);
      return coded === null ? { code: 'OTHER', message: part } : { code: coded[1] ?? 'OTHER', message: coded[2] ?? part };
    });
    byLine[lineId] = [...(byLine[lineId] ?? []), ...refusals];
  }
  return { byLine, other };
}

/** A late line needs a reason to take it back anyway (and then a manager's approval). */
export const needsOverride = (byLine: Readonly<Record<string, LineRefusal[]>>): boolean =>
  Object.values(byLine).some((refusals) => refusals.some((refusal) => refusal.code === 'OUTSIDE_WINDOW'));
