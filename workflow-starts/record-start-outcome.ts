import { Prisma, type PrismaClient } from '../prisma/client';
import { linkedRecordKinds } from './linked-records';

/**
 * The run exists: the start becomes STARTED, its error is cleared, the signals that went out with it are
 * dropped from the queue (ones queued meanwhile stay, due now), and the business record gets its
 * workflow_id, all in one statement, so the record and its start never disagree about the run.
 */
export async function recordWorkflowStarted(
  prisma: PrismaClient,
  start: { workflowId: string; runId: string | null; deliveredSignals: number },
): Promise<void> {
  const links = linkedRecordKinds.map(
    (kind, index) => Prisma.sql`,
    ${Prisma.raw(`link_${index}`)} AS (
      UPDATE ${Prisma.raw(`"${kind.table}"`)} AS r SET workflow_id = started.workflow_id, updated_at = now()
      FROM started WHERE r.id = started.${Prisma.raw(`"${kind.column}"`)} AND r.workflow_id IS NULL
      RETURNING r.id
    )`,
  );
  await prisma.$executeRaw`
    WITH started AS (
      UPDATE workflow_starts SET
        status = 'STARTED',
        started_at = coalesce(started_at, now()),
        run_id = coalesce(${start.runId}, run_id),
        attempts = attempts + 1,
        last_error = NULL,
        pending_signals = coalesce(
          (SELECT jsonb_agg(signal ORDER BY position) FROM jsonb_array_elements(pending_signals) WITH ORDINALITY AS queued(signal, position)
           WHERE position > ${start.deliveredSignals}),
          '[]'::jsonb),
        next_attempt_at = CASE WHEN jsonb_array_length(pending_signals) > ${start.deliveredSignals} THEN now() ELSE NULL END,
        updated_at = now()
      WHERE workflow_id = ${start.workflowId}
      RETURNING workflow_id, ${Prisma.join(
        linkedRecordKinds.map((kind) => Prisma.raw(`"${kind.column}"`)),
        ', ',
      )}
    )${Prisma.join(links, '')}
    SELECT 1 FROM started`;
}

export interface StartFailure {
  workflowId: string;
  /** The status the attempt saw: a STARTED start only failed to deliver signals and stays STARTED. */
  attemptedStatus: 'PENDING' | 'STARTED';
  error: string;
  /** Null: give up (FAILED) until a person retries; only for a start Temporal refused for good, never for signals. */
  retryAt: Date | null;
}

/** The attempt did not reach the run: count it, keep the reason, and say when to try again (or stop). */
export async function recordWorkflowStartFailure(prisma: PrismaClient, failure: StartFailure): Promise<void> {
  if (failure.attemptedStatus === 'STARTED') {
    await prisma.$executeRaw`
      UPDATE workflow_starts SET attempts = attempts + 1, last_error = ${failure.error},
        next_attempt_at = ${failure.retryAt ?? new Date()}, updated_at = now()
      WHERE workflow_id = ${failure.workflowId}`;
    return;
  }
  // Only a start still PENDING: another attempt may have succeeded meanwhile, and that is the truth.
  await prisma.$executeRaw`
    UPDATE workflow_starts SET attempts = attempts + 1, last_error = ${failure.error},
      status = ${failure.retryAt === null ? 'FAILED' : 'PENDING'}::workflow_start_status,
      next_attempt_at = ${failure.retryAt}, updated_at = now()
    WHERE workflow_id = ${failure.workflowId} AND status = 'PENDING'`;
}
