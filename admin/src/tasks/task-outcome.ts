import { humanizeStep } from '../shared/step-label';

/** One line of a closed task's outcome: `decision: ROLL_BACK`, `reason: ...`. */
export interface OutcomeEntry {
  key: string;
  /** The value as recorded; `code` when it reads as an enum (translated, or shown as words). */
  value: string;
  code: boolean;
}

const enumLike = /^[A-Z][A-Z0-9_]*$/;

/**
 * The outcome a task was completed with (`tasks.outcome`), as lines a person reads, for every task type
 * alike: its top-level text, number and yes/no fields, in their recorded order (the reason last); lists and nested objects
 * (a pick's lines) are the form's to show, and an empty outcome (`{}`: "labels changed") has no lines.
 */
export function outcomeEntriesOf(outcome: unknown): OutcomeEntry[] {
  if (outcome === null || typeof outcome !== 'object' || Array.isArray(outcome)) return [];
  const entries = Object.entries(outcome as Record<string, unknown>).flatMap(([key, value]): OutcomeEntry[] => {
    // The outcome's discriminator repeats the task's own type, which the page shows already.
    if (key === 'type') return [];
    if (typeof value === 'string') return value.trim() === '' ? [] : [{ key, value, code: enumLike.test(value) }];
    if (typeof value === 'number' || typeof value === 'boolean') return [{ key, value: String(value), code: typeof value === 'boolean' }];
    return [];
  });
  // What was decided first, why last.
  return [...entries.filter((entry) => entry.key !== 'reason'), ...entries.filter((entry) => entry.key === 'reason')];
}

/** The fallback label of an outcome key or code the translations do not name: `failedSkus` -> "Failed skus". */
export function outcomeWords(text: string): string {
  return humanizeStep(text.replace(/([a-z])([A-Z])/g, '$1_$2'));
}
