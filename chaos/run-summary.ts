import { type PickupWorld } from '../test/pickup/support/pickup-world';
import { type ChaosRow } from './chaos-row';
import { effectsOf } from './pickup-effects';
import { type RunRecord } from './pickup-run';

/**
 * One row of the table from the runs driven under a fault: a run that did not end as driven is lost, and
 * so is every effect missing at the channel, the gateway or our ledger; effects seen twice are duplicated.
 * `faultAt`: when the fault struck (or ended, for a fault held for a while), for the recovery time.
 */
export async function summariseRuns(world: PickupWorld, fault: string, records: RunRecord[], faultAt: number[]): Promise<ChaosRow> {
  const problems: string[] = [];
  let duplicatedEffects = 0;
  let lost = 0;
  let completed = 0;
  for (const record of records) {
    if (record.finalStep === record.outcome) completed += 1;
    else {
      lost += 1;
      problems.push(
        `order ${record.orderId}: meant ${record.outcome}, ended ${record.finalStep ?? 'not at all'} ${record.error ?? ''}`.trim(),
      );
    }
    const customer = await world.prisma.order.findUniqueOrThrow({ where: { id: record.orderId }, select: { customer: true } });
    const effects = await effectsOf(world, record, customer.customer?.phone ?? '');
    duplicatedEffects += effects.duplicated.length;
    lost += effects.missing.length;
    for (const problem of [...effects.duplicated, ...effects.missing]) problems.push(`order ${record.orderId}: ${problem}`);
  }
  return {
    fault,
    runs: records.length,
    completed,
    duplicatedEffects,
    lost,
    maxRecoveryMs: maxRecovery(records, faultAt),
    problems,
  };
}

/**
 * For each fault: how long until every run that was open at that moment moved again (a new step, or
 * closed). An upper bound: it includes activity timeouts and retry backoffs, and a run's own short waits.
 */
function maxRecovery(records: RunRecord[], faultAt: number[]): number {
  let worst = 0;
  for (const at of faultAt) {
    for (const record of records) {
      const open = record.startedAt <= at && (record.endedAt === undefined || record.endedAt > at);
      if (!open) continue;
      const nextMove = record.progressAt.find((time) => time > at);
      if (nextMove !== undefined) worst = Math.max(worst, nextMove - at);
    }
  }
  return worst;
}
