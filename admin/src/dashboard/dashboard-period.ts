/** The periods the dashboard offers: the last N days up to now, compared with the N days before. */
export const periodPresets = [7, 30, 90] as const;
export type PeriodDays = (typeof periodPresets)[number];

export interface DashboardScope {
  days: PeriodDays;
  storeIds: string[];
}

const dayMs = 24 * 60 * 60 * 1000;

/** Query parameters of `GET /api/metrics/<tile>`, ending at the start of the next minute (so a reload reuses the cache). */
export function metricsQueryOf(scope: DashboardScope, now: Date = new Date()): URLSearchParams {
  const to = new Date(Math.ceil(now.getTime() / 60_000) * 60_000);
  const from = new Date(to.getTime() - scope.days * dayMs);
  const params = new URLSearchParams({ from: from.toISOString(), to: to.toISOString() });
  for (const storeId of scope.storeIds) params.append('storeId', storeId);
  return params;
}

/** Change against the previous period as a signed share (0.25 = 25 % more); null when there was nothing before. */
export function trendOf(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / previous;
}
