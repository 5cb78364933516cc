/**
 * The API records only the fields a change touched: `before` and `after` hold the same keys (or one of
 * them is null, for creations and sign-ins). This lines them up, one row per field.
 */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

function asFields(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function fieldChangesOf(before: unknown, after: unknown): FieldChange[] {
  const previous = asFields(before);
  const next = asFields(after);
  const fields = [...new Set([...Object.keys(previous), ...Object.keys(next)])].sort();
  return fields.map((field) => ({ field, before: previous[field], after: next[field] }));
}

/** Values as a person reads them: lists and objects as compact JSON, absent values as a dash. */
export function displayValue(value: unknown): string {
  if (value === undefined || value === null) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
