/** Prints rows as an aligned plain-text table (numbers right-aligned), readable in a terminal or a note. */
export function printTable(rows: readonly Record<string, string | number>[]): void {
  const [first] = rows;
  if (!first) return;
  const columns = Object.keys(first);
  const cell = (value: string | number | undefined) => (typeof value === 'number' ? formatNumber(value) : (value ?? ''));
  const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => cell(row[column]).length)));
  const line = (values: (string | number | undefined)[]) =>
    values
      .map((value, index) =>
        typeof value === 'number' ? cell(value).padStart(widths[index] ?? 0) : cell(value).padEnd(widths[index] ?? 0),
      )
      .join('  ');
  console.log(line(columns));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(columns.map((column) => row[column])));
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}
