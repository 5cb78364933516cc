import { Prisma, type PrismaClient } from '../prisma/client';
import { type DueWorkflowStart, dueStartColumns } from './due-workflow-start';

/**
 * Claims up to `limit` starts whose attempt is due, oldest first, by pushing their next attempt `claimMs`
 * ahead in the same statement: other relays (SKIP LOCKED) and later rounds pass them by while this one
 * calls Temporal, and a relay that dies mid-call only delays them by the claim. No lock is held during
 * the Temporal call itself.
 */
export async function claimDueStarts(prisma: PrismaClient, limit: number, claimMs: number): Promise<DueWorkflowStart[]> {
  return prisma.$queryRaw<DueWorkflowStart[]>`
    UPDATE workflow_starts SET next_attempt_at = now() + ${claimMs} * interval '1 millisecond'
    WHERE workflow_id IN (
      SELECT workflow_id FROM workflow_starts
      WHERE next_attempt_at <= now()
      ORDER BY next_attempt_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING ${Prisma.raw(dueStartColumns)}`;
}

/**
 * Claims one start for an attempt right now, whatever its schedule says: a person pressing "retry", or
 * a signal that has just been queued. A FAILED start is made PENDING again first when `retryFailed`.
 * Answers null when there is nothing to send (no such start, or started with no signals waiting).
 */
export async function claimStartNow(
  prisma: PrismaClient,
  workflowId: string,
  { claimMs, retryFailed }: { claimMs: number; retryFailed: boolean },
): Promise<DueWorkflowStart | null> {
  const rows = await prisma.$queryRaw<DueWorkflowStart[]>`
    UPDATE workflow_starts SET
      status = CASE WHEN status = 'FAILED' THEN 'PENDING'::workflow_start_status ELSE status END,
      next_attempt_at = now() + ${claimMs} * interval '1 millisecond',
      updated_at = now()
    WHERE workflow_id = ${workflowId}
      AND (next_attempt_at IS NOT NULL OR (${retryFailed} AND status = 'FAILED'))
    RETURNING ${Prisma.raw(dueStartColumns)}`;
  return rows[0] ?? null;
}
