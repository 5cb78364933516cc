/**
 * Pickup reminders are a list of minutes; people edit them as "60, 240". Text that is not a list of whole
 * numbers is kept as typed, so validation can point at it instead of silently dropping parts.
 */
export function formatMinutesList(value: unknown): string {
  return Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : '';
}

export function parseMinutesList(text: string): number[] | string {
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return parts.every((part) => /^\d+$/.test(part)) ? parts.map(Number) : text;
}

export function validateMinutesList(value: unknown): string | undefined {
  return Array.isArray(value) ? undefined : 'omni.validation.minutes_list';
}
