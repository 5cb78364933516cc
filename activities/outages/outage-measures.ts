import { InvalidDataError, NotFoundError } from '../../domain/errors';
import { type OutageMeasure } from '../../domain/outages/outage-workflow';
import { type Prisma } from '../../prisma/client';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';

/** One measure as outages.measures keeps it: what was there before, so lifting puts exactly that back. */
export interface RecordedMeasure {
  measure: OutageMeasure;
  since: string;
  previous: string | number | boolean;
  liftedAt: string | null;
}

export interface OutageMeasureInput {
  outageId: string;
  measure: OutageMeasure;
  /** STORE_STOCK_HELD: the share (percent) of the store's available stock to hold back. */
  holdPercent?: number;
}

type Tx = Prisma.TransactionClient;

async function lockedOutage(tx: Tx, outageId: string) {
  const [row] = await tx.$queryRaw<{ channel_id: string | null; store_id: string | null; measures: RecordedMeasure[] }[]>`
    SELECT channel_id, store_id, measures FROM outages WHERE id = ${outageId}::uuid FOR UPDATE`;
  if (row === undefined) throw new NotFoundError(`Outage ${outageId} not found`);
  return row;
}

function subjectOf(row: { channel_id: string | null; store_id: string | null }, measure: OutageMeasure): string {
  const id = measure === 'CHANNEL_MARKED_UNHEALTHY' ? row.channel_id : row.store_id;
  if (id === null) throw new InvalidDataError(`Measure ${measure} does not fit this outage`);
  return id;
}

/** Sets the measure's seam and answers what it was before. */
async function putInForce(tx: Tx, measure: OutageMeasure, subjectId: string, holdPercent: number): Promise<RecordedMeasure['previous']> {
  if (measure === 'CHANNEL_MARKED_UNHEALTHY') {
    // Stock sync skips every channel whose status is not ACTIVE (docs/stock-sync.md): that is the seam.
    const [before] = await tx.$queryRaw<
      { status: string }[]
    >`SELECT status::text AS status FROM channels WHERE id = ${subjectId}::uuid FOR UPDATE`;
    await tx.$executeRaw`UPDATE channels SET status = 'OUTAGE', updated_at = now() WHERE id = ${subjectId}::uuid`;
    return before?.status ?? 'ACTIVE';
  }
  const [store] = await tx.$queryRaw<{ online_hold_percent: number; pickup_paused: boolean }[]>`
    SELECT online_hold_percent, pickup_paused FROM stores WHERE id = ${subjectId}::uuid FOR UPDATE`;
  if (store === undefined) throw new NotFoundError(`Store ${subjectId} not found`);
  if (measure === 'STORE_STOCK_HELD') {
    await tx.$executeRaw`UPDATE stores SET online_hold_percent = ${holdPercent}, updated_at = now() WHERE id = ${subjectId}::uuid`;
    return store.online_hold_percent;
  }
  await tx.$executeRaw`UPDATE stores SET pickup_paused = true, updated_at = now() WHERE id = ${subjectId}::uuid`;
  return store.pickup_paused;
}

async function putBack(tx: Tx, recorded: RecordedMeasure, subjectId: string): Promise<void> {
  if (recorded.measure === 'CHANNEL_MARKED_UNHEALTHY') {
    // Only our own mark is undone: a channel an operator disabled meanwhile stays disabled.
    await tx.$executeRaw`
      UPDATE channels SET status = ${String(recorded.previous)}::channel_status, updated_at = now()
      WHERE id = ${subjectId}::uuid AND status = 'OUTAGE'`;
  } else if (recorded.measure === 'STORE_STOCK_HELD') {
    await tx.$executeRaw`UPDATE stores SET online_hold_percent = ${Number(recorded.previous)}, updated_at = now() WHERE id = ${subjectId}::uuid`;
  } else {
    await tx.$executeRaw`UPDATE stores SET pickup_paused = ${Boolean(recorded.previous)}, updated_at = now() WHERE id = ${subjectId}::uuid`;
  }
}

async function saveMeasures(tx: Tx, outageId: string, measures: RecordedMeasure[]): Promise<void> {
  await tx.$executeRaw`UPDATE outages SET measures = ${JSON.stringify(measures)}::jsonb, updated_at = now() WHERE id = ${outageId}::uuid`;
}

/**
 * Puts one protective measure in force, idempotent by (outage, measure): a retry finds it recorded and
 * changes nothing, so the state before the first attempt is what lifting restores.
 */
export function createApplyOutageMeasure({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function applyOutageMeasure(input: OutageMeasureInput): Promise<{ applied: boolean }> {
    return withTemporalFailures(() =>
      prisma.$transaction(async (tx) => {
        const row = await lockedOutage(tx, input.outageId);
        if (row.measures.some((m) => m.measure === input.measure && m.liftedAt === null)) return { applied: false };
        const previous = await putInForce(tx, input.measure, subjectOf(row, input.measure), input.holdPercent ?? 0);
        const recorded: RecordedMeasure = { measure: input.measure, since: new Date().toISOString(), previous, liftedAt: null };
        await saveMeasures(tx, input.outageId, [...row.measures.filter((m) => m.measure !== input.measure), recorded]);
        return { applied: true };
      }),
    );
  };
}

/** Lifts one measure (restores what was there before it), idempotent: a lifted measure stays lifted. */
export function createLiftOutageMeasure({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function liftOutageMeasure(input: Pick<OutageMeasureInput, 'outageId' | 'measure'>): Promise<{ lifted: boolean }> {
    return withTemporalFailures(() =>
      prisma.$transaction(async (tx) => {
        const row = await lockedOutage(tx, input.outageId);
        const recorded = row.measures.find((m) => m.measure === input.measure && m.liftedAt === null);
        if (recorded === undefined) return { lifted: false };
        await putBack(tx, recorded, subjectOf(row, input.measure));
        const lifted = row.measures.map((m) => (m === recorded ? { ...m, liftedAt: new Date().toISOString() } : m));
        await saveMeasures(tx, input.outageId, lifted);
        return { lifted: true };
      }),
    );
  };
}
