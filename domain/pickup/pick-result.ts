/**
 * What a pick means for each order line: the units to hand over, and the units the store could not
 * find, which go back to available stock and back to the customer's money. Pure, so the workflow and its
 * tests share it.
 */

export interface PickupOrderLine {
  lineId: string;
  sku: string;
  quantity: number;
  unitPriceMinor: number;
}

export interface PickedLine {
  lineId: string;
  pickedQuantity: number;
}

export interface LineShortfall {
  lineId: string;
  sku: string;
  shortQuantity: number;
  refundMinor: number;
}

export interface PickResult {
  /** Units to hand over per line (lines with none left out). */
  picked: { lineId: string; sku: string; quantity: number }[];
  shortfalls: LineShortfall[];
  nothingPicked: boolean;
}

/** Problems with a reported pick, keyed by field path like the API's 400 answers; empty when valid. */
export function pickReportProblems(lines: readonly PickupOrderLine[], report: readonly PickedLine[]): Record<string, string> {
  const problems: Record<string, string> = {};
  const byId = new Map(lines.map((line) => [line.lineId, line]));
  report.forEach((entry, index) => {
    const line = byId.get(entry.lineId);
    if (line === undefined) problems[`lines.${index}.lineId`] = 'is not a line of this order';
    else if (entry.pickedQuantity > line.quantity)
      problems[`lines.${index}.pickedQuantity`] = `must be at most the ordered ${line.quantity}`;
  });
  const reported = new Set(report.map((entry) => entry.lineId));
  const missing = lines.filter((line) => !reported.has(line.lineId));
  if (missing.length > 0) problems.lines = `must report every line; missing ${missing.map((line) => line.sku).join(', ')}`;
  return problems;
}

export function pickResultOf(lines: readonly PickupOrderLine[], report: readonly PickedLine[]): PickResult {
  const pickedById = new Map(report.map((entry) => [entry.lineId, entry.pickedQuantity]));
  const picked: PickResult['picked'] = [];
  const shortfalls: LineShortfall[] = [];
  for (const line of lines) {
    const quantity = Math.min(pickedById.get(line.lineId) ?? 0, line.quantity);
    if (quantity > 0) picked.push({ lineId: line.lineId, sku: line.sku, quantity });
    const shortQuantity = line.quantity - quantity;
    if (shortQuantity > 0)
      shortfalls.push({ lineId: line.lineId, sku: line.sku, shortQuantity, refundMinor: shortQuantity * line.unitPriceMinor });
  }
  return { picked, shortfalls, nothingPicked: picked.length === 0 };
}
