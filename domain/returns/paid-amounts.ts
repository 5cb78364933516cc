/**
 * What the customer actually paid for each order line, so a return gives back exactly that: the line's
 * gross (quantity x unit price) less its own discounts, less its share of the order-level discounts.
 * Amounts are whole minor units of the order's currency (cents for EUR, rupiah for IDR, which has no
 * minor unit in use), so no rounding to a currency's decimals is ever needed: only the split of a
 * discount across lines rounds, and it is done by largest remainder so the lines sum exactly to what
 * was paid. Arithmetic is in bigint: 10^6 units at 2^31-1 is past what a double holds exactly.
 */

export interface PricedOrderLine {
  lineId: string;
  quantity: number;
  unitPriceMinor: number;
  /** Promotion and line discounts on this line, in minor units (0..quantity x unit price). */
  lineDiscountMinor: number;
}

export interface PaidLine {
  lineId: string;
  quantity: number;
  /** What the customer paid for the whole line after every discount. */
  paidMinor: number;
}

export interface PaidOrder {
  lines: PaidLine[];
  /** Sum of the lines' paid amounts: gross less line discounts less the order-level discount. */
  paidTotalMinor: number;
}

export class DiscountAllocationError extends RangeError {}

/**
 * Splits `orderDiscountMinor` across the lines in proportion to what each line costs after its own
 * discounts; each line's share is rounded down and the leftover minor units go one each to the lines with
 * the largest remainders (ties: the earlier line). No line's share exceeds its own amount, so no line is
 * paid less than zero, and the lines add up to the paid total exactly.
 */
export function allocatePaidAmounts(lines: readonly PricedOrderLine[], orderDiscountMinor: number): PaidOrder {
  if (!Number.isSafeInteger(orderDiscountMinor) || orderDiscountMinor < 0)
    throw new DiscountAllocationError(`The order discount must be a whole, non-negative amount (got ${orderDiscountMinor})`);
  const nets = lines.map((line) => {
    if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) throw new DiscountAllocationError(`Line ${line.lineId} has no units`);
    if (!Number.isSafeInteger(line.unitPriceMinor) || line.unitPriceMinor < 0)
      throw new DiscountAllocationError(`Line ${line.lineId} has an invalid unit price`);
    const gross = BigInt(line.quantity) * BigInt(line.unitPriceMinor);
    const discount = BigInt(line.lineDiscountMinor);
    if (!Number.isSafeInteger(line.lineDiscountMinor) || discount < 0n || discount > gross)
      throw new DiscountAllocationError(`Line ${line.lineId} has a discount outside 0..${gross}`);
    return gross - discount;
  });
  const netTotal = nets.reduce((sum, net) => sum + net, 0n);
  const orderDiscount = BigInt(orderDiscountMinor);
  if (orderDiscount > netTotal)
    throw new DiscountAllocationError(`The order discount ${orderDiscountMinor} exceeds what the lines cost (${netTotal})`);

  const shares = nets.map((net) => (netTotal === 0n ? 0n : (orderDiscount * net) / netTotal));
  const remainders = nets.map((net, index) => ({ index, remainder: netTotal === 0n ? 0n : (orderDiscount * net) % netTotal }));
  let leftover = orderDiscount - shares.reduce((sum, share) => sum + share, 0n);
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of remainders) {
    if (leftover === 0n) break;
    shares[index] = (shares[index] ?? 0n) + 1n;
    leftover -= 1n;
  }

  const paid = lines.map((line, index) => ({
    lineId: line.lineId,
    quantity: line.quantity,
    paidMinor: toSafeNumber((nets[index] ?? 0n) - (shares[index] ?? 0n)),
  }));
  return { lines: paid, paidTotalMinor: toSafeNumber(netTotal - orderDiscount) };
}

export interface UnitsRefundInput {
  /** What the whole line was paid (allocatePaidAmounts). */
  linePaidMinor: number;
  /** Units sold on the line. */
  lineQuantity: number;
  /** Units of the line already refunded or in open returns, and what those returns refund. */
  unitsBefore: number;
  amountBefore: number;
  /** Units this return takes back. */
  units: number;
}

/**
 * The refund for `units` more units of a line: their share of the line's paid amount, rounded down,
 * except for the return that takes the line's last units, which gets whatever of the line is left. So
 * however the line is returned (all at once, one unit at a time, partly then the rest), the returns add up
 * to exactly what the line was paid and never more; a unit's refund differs from another's by at most
 * one minor unit.
 */
export function refundForUnits(input: UnitsRefundInput): number {
  const { linePaidMinor, lineQuantity, unitsBefore, amountBefore, units } = input;
  if (units <= 0 || unitsBefore < 0 || unitsBefore + units > lineQuantity)
    throw new DiscountAllocationError(`Cannot refund ${units} more of ${lineQuantity} units when ${unitsBefore} are already returned`);
  if (amountBefore < 0 || amountBefore > linePaidMinor)
    throw new DiscountAllocationError(`Earlier returns of the line refund ${amountBefore}, more than its ${linePaidMinor}`);
  if (unitsBefore + units === lineQuantity) return linePaidMinor - amountBefore;
  const share = toSafeNumber((BigInt(linePaidMinor) * BigInt(units)) / BigInt(lineQuantity));
  return Math.min(share, linePaidMinor - amountBefore);
}

function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER))
    throw new DiscountAllocationError(`An amount of ${value} is beyond what this system handles exactly`);
  return Number(value);
}
