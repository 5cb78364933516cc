/**
 * How an SLA reads on a task chip: time left until it is due, or how long it is overdue. Pure, so the
 * chip re-renders it every second and tests can give it any clock.
 */
export type SlaState = 'none' | 'due' | 'soon' | 'overdue';

export interface SlaCountdown {
  state: SlaState;
  /** e.g. "1 h 05 min", "4 min 09 s"; empty when there is no SLA. */
  remaining: string;
}

const secondMs = 1000;
const minuteMs = 60 * secondMs;
const hourMs = 60 * minuteMs;
const dayMs = 24 * hourMs;

const twoDigits = (value: number) => String(value).padStart(2, '0');

export function formatDuration(ms: number): string {
  const absolute = Math.abs(ms);
  const days = Math.floor(absolute / dayMs);
  const hours = Math.floor((absolute % dayMs) / hourMs);
  const minutes = Math.floor((absolute % hourMs) / minuteMs);
  const seconds = Math.floor((absolute % minuteMs) / secondMs);
  if (days > 0) return `${String(days)} d ${String(hours)} h`;
  if (hours > 0) return `${String(hours)} h ${twoDigits(minutes)} min`;
  return `${String(minutes)} min ${twoDigits(seconds)} s`;
}

/** `soonWithinMs`: from this much time left, the chip warns (the last stretch before a breach). */
export function slaCountdown(dueAt: string | null | undefined, nowMs: number, soonWithinMs: number): SlaCountdown {
  if (dueAt == null) return { state: 'none', remaining: '' };
  const leftMs = Date.parse(dueAt) - nowMs;
  if (Number.isNaN(leftMs)) return { state: 'none', remaining: '' };
  if (leftMs < 0) return { state: 'overdue', remaining: formatDuration(leftMs) };
  return { state: leftMs <= soonWithinMs ? 'soon' : 'due', remaining: formatDuration(leftMs) };
}
