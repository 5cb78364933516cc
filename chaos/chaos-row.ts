import { printTable } from '../bench/support/print-table';

/** One line of the chaos table: a fault, what it was applied to, and what the outside world saw. */
export interface ChaosRow {
  fault: string;
  runs: number;
  completed: number;
  /** Effects seen more than once (reservations, refunds, messages, stock moves). */
  duplicatedEffects: number;
  /** Runs that did not finish, accepted orders without a run, or effects that never happened. */
  lost: number;
  /** Longest time from a fault until the work it interrupted moved again. */
  maxRecoveryMs: number;
  /** What went wrong, run by run, for the report under the table. */
  problems: string[];
  /**
   * Answers of our API to the load driver that were a 5xx other than 503 with Retry-After (rows with an
   * order load: the restart faults); undefined where nothing calls the API.
   */
  serverErrors?: number;
  /** Figures printed under the table that are no problem (answers seen, how long the fault took). */
  notes?: string[];
}

/** A row before its first run: nothing completed, duplicated or lost yet. */
export function emptyChaosRow(fault: string, runs: number): ChaosRow {
  return { fault, runs, completed: 0, duplicatedEffects: 0, lost: 0, maxRecoveryMs: 0, problems: [] };
}

/** Counts what one run left twice or never in the row, each named under `where` in the row's problems. */
export function addRunEffects(row: ChaosRow, where: string, effects: { duplicated: readonly string[]; missing: readonly string[] }): void {
  row.duplicatedEffects += effects.duplicated.length;
  row.lost += effects.missing.length;
  for (const problem of [...effects.duplicated, ...effects.missing]) row.problems.push(`${where}: ${problem}`);
}

export function chaosRowIsClean(row: ChaosRow): boolean {
  return (
    row.completed === row.runs &&
    row.duplicatedEffects === 0 &&
    row.lost === 0 &&
    (row.serverErrors ?? 0) === 0 &&
    row.problems.length === 0
  );
}

export function printChaosTable(rows: readonly ChaosRow[]): void {
  printTable(
    rows.map((row) => ({
      fault: row.fault,
      runs: row.runs,
      completed: row.completed,
      'duplicated effects': row.duplicatedEffects,
      lost: row.lost,
      'max recovery (s)': Math.round(row.maxRecoveryMs / 100) / 10,
      'non-503 5xx': row.serverErrors ?? '-',
    })),
  );
  for (const row of rows) for (const note of row.notes ?? []) console.log(`  ${row.fault}: ${note}`);
  for (const row of rows) for (const problem of row.problems.slice(0, 20)) console.log(`  ${row.fault}: ${problem}`);
}
