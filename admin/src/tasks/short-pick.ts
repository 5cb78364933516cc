export interface PickedLineWithPrice {
  ordered: number;
  picked: number;
  unitPriceMinor: number;
}

/** What a short pick gives back: the units not found and the money refunded for them (minor units). */
export function shortPickRefund(lines: readonly PickedLineWithPrice[]): { shortUnits: number; refundMinor: number } {
  return lines.reduce(
    (sum, line) => {
      const short = Math.max(line.ordered - line.picked, 0);
      return { shortUnits: sum.shortUnits + short, refundMinor: sum.refundMinor + short * line.unitPriceMinor };
    },
    { shortUnits: 0, refundMinor: 0 },
  );
}
