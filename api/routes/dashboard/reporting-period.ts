/**
 * The period a dashboard figure covers, half-open [from, to), and the one just before it of the same
 * length: every figure is shown with its value for the previous period, so a trend needs no second call.
 */
export interface Period {
  from: Date;
  to: Date;
}

export function previousPeriodOf(period: Period): Period {
  const length = period.to.getTime() - period.from.getTime();
  return { from: new Date(period.from.getTime() - length), to: period.from };
}

/** A figure now and in the previous period. */
export interface WithPrevious<T> {
  current: T;
  previous: T;
}

export async function forBothPeriods<T>(period: Period, measure: (period: Period) => Promise<T>): Promise<WithPrevious<T>> {
  const [current, previous] = await Promise.all([measure(period), measure(previousPeriodOf(period))]);
  return { current, previous };
}
