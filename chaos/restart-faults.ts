import { type ChaosRow } from './chaos-row';
import { isServerErrorOtherThanRetryable503, OrderLoad, type LoadOrder, type LoadWorld } from './order-load';
import { effectsOfLoadOrder } from './restart-effects';

/** One restart fault: what is hit, and how (kill and start again, resolving once it is back). */
export interface RestartFault {
  name: string;
  apply(): Promise<void>;
}

export interface RestartLoadOptions {
  world: LoadWorld;
  databaseUrl: string;
  /** Orders placed per second, the whole time. */
  ordersPerSecond: number;
  /** How long orders are placed; the fault strikes `faultAtMs` in. */
  loadMs: number;
  faultAtMs: number;
  /** Each order's deadline from its placing: past it an order not ended as driven is stuck (counted lost). */
  orderDeadlineMs: number;
  runPrefix: string;
}

/**
 * One row of the table per fault: a steady order load (marketplace and web-store orders, picked and
 * handed over through the API or cancelled by the customer) runs before, during and after the fault; then
 * every order the channel or our API accepted must have ended as driven by its deadline (else stuck), with
 * every effect exactly once. Max recovery: from the fault until every order open then moved again. The
 * answers of our API to the load during the whole row are checked for 5xx other than 503 with Retry-After.
 */
export async function runRestartFault(fault: RestartFault, options: RestartLoadOptions): Promise<ChaosRow> {
  const load = new OrderLoad(options.world, options.databaseUrl, options.runPrefix);
  const problems: string[] = [];
  try {
    const driving = load.drive(options.ordersPerSecond, options.loadMs / 1000, options.orderDeadlineMs);
    await new Promise((resolve) => setTimeout(resolve, options.faultAtMs));
    const faultAt = Date.now();
    await fault.apply().catch((error: unknown) => problems.push(`the fault itself failed: ${String(error)}`));
    const faultEndedAt = Date.now();
    await driving;
    await load.settle();
    return await summarise(fault.name, load, options.world, { faultAt, faultEndedAt }, problems);
  } finally {
    await load.close();
  }
}

async function summarise(
  fault: string,
  load: OrderLoad,
  world: LoadWorld,
  times: { faultAt: number; faultEndedAt: number },
  problems: string[],
): Promise<ChaosRow> {
  let completed = 0;
  let lost = 0;
  let duplicatedEffects = 0;
  const accepted = load.orders.filter((order) => order.accepted);
  for (const order of load.orders) {
    if (!order.accepted) {
      // Never taken by the channel or the API by its deadline: the shopper gave up, nothing of ours to lose.
      problems.push(`${order.externalId} (${order.via}) never accepted: ${order.error ?? ''}`);
      continue;
    }
    const ended = order.finalStatus === order.outcome;
    if (ended) completed += 1;
    else {
      lost += 1;
      problems.push(`${order.externalId} (${order.via}, meant ${order.outcome}) stuck: ${order.error ?? `ended ${order.finalStatus}`}`);
    }
    const effects = await effectsOfLoadOrder(load, world, order);
    duplicatedEffects += effects.duplicated.length;
    // A stuck order's missing effects are the same loss, counted once.
    if (ended) lost += effects.missing.length;
    for (const problem of [...effects.duplicated, ...effects.missing]) problems.push(`${order.externalId}: ${problem}`);
  }
  const serverErrors = load.apiAnswers.filter(isServerErrorOtherThanRetryable503);
  for (const answer of serverErrors.slice(0, 5))
    problems.push(
      `API answered ${answer.status}${answer.retryAfter === null ? '' : ` (Retry-After ${answer.retryAfter})`} to ${answer.what}`,
    );
  const shed = load.apiAnswers.filter((answer) => answer.status === 503 && answer.retryAfter !== null).length;
  const unanswered = [...load.apiUnanswered].map(([call, count]) => `${count} x ${call}`).join(', ');
  const notes = [
    `${load.apiAnswers.length} API answers (${shed} x 503 with Retry-After); calls unanswered: ${unanswered === '' ? 'none' : unanswered}`,
    `fault took ${((times.faultEndedAt - times.faultAt) / 1000).toFixed(1)} s until the process answered again`,
  ];
  return {
    fault,
    runs: accepted.length,
    completed,
    duplicatedEffects,
    lost,
    maxRecoveryMs: maxRecovery(accepted, times.faultAt),
    serverErrors: serverErrors.length,
    problems,
    notes,
  };
}

/** From the fault until every order open at that moment moved again (a next step, or its end). */
function maxRecovery(orders: LoadOrder[], faultAt: number): number {
  let worst = 0;
  for (const order of orders) {
    const open = order.placedAt <= faultAt && (order.endedAt === undefined || order.endedAt > faultAt);
    if (!open) continue;
    const nextMove = order.progressAt.find((time) => time > faultAt);
    if (nextMove !== undefined) worst = Math.max(worst, nextMove - faultAt);
  }
  return worst;
}
