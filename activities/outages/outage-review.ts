import { REVIEW_TASK_KEY_PREFIX } from '../../domain/outages/outage-definition';
import { type ProcessActor } from '../../domain/workflow-kit/process-actor';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';
import { insertTaskOnce } from '../tasks/open-task';

export interface OutageReviewState {
  pending: number;
  valueMinor: number;
}

type Db = Pick<ActivityDeps['prisma'], '$queryRaw'>;

async function reviewState(db: Db, outageId: string): Promise<OutageReviewState> {
  const [row] = await db.$queryRaw<{ pending: number; value_minor: bigint }[]>`
    SELECT count(*)::int AS pending, COALESCE(sum(d.value_minor), 0)::bigint AS value_minor
      FROM discrepancies d JOIN reconciliations r ON r.id = d.reconciliation_id
     WHERE r.outage_id = ${outageId}::uuid AND d.resolution IN ('PENDING', 'AWAITING_SECOND_APPROVAL')`;
  return { pending: row?.pending ?? 0, valueMinor: Number(row?.value_minor ?? 0) };
}

/** What of the outage's review is still open (PENDING or awaiting a second approval). */
export function createCountOutageReview({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function countOutageReview({ outageId }: { outageId: string }): Promise<OutageReviewState> {
    return withTemporalFailures(() => reviewState(prisma, outageId));
  };
}

export interface OpenOutageReviewInput {
  outageId: string;
  reconciliationId: string;
  workflowId: string;
  /** Chosen by the workflow (uuid4) so the row and the run agree on it from the start. */
  taskId: string;
  title: string;
}

/**
 * Opens the outage's one RECONCILIATION_REVIEW task in the admins' queue when anything waits for a
 * person (idempotent by `reconciliation-review:<outageId>`), with what is open in its payload, and marks
 * the reconciliation AWAITING_REVIEW. Nothing open: no task, and the answer says so.
 */
export function createOpenOutageReview({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function openOutageReview(input: OpenOutageReviewInput): Promise<OutageReviewState & { taskId: string | null }> {
    return withTemporalFailures(() =>
      prisma.$transaction(async (tx) => {
        const state = await reviewState(tx, input.outageId);
        if (state.pending === 0) return { ...state, taskId: null };
        const { taskId } = await insertTaskOnce(tx, {
          taskId: input.taskId,
          idempotencyKey: `${REVIEW_TASK_KEY_PREFIX}${input.outageId}`,
          type: 'RECONCILIATION_REVIEW',
          queue: 'ADMIN',
          title: input.title,
          storeCode: null,
          workflowId: input.workflowId,
          dueAt: null,
          payload: {
            outageId: input.outageId,
            reconciliationId: input.reconciliationId,
            pending: state.pending,
            valueMinor: state.valueMinor,
          },
        });
        await tx.$executeRaw`
          UPDATE reconciliations SET status = 'AWAITING_REVIEW', updated_at = now() WHERE id = ${input.reconciliationId}::uuid`;
        return { ...state, taskId };
      }),
    );
  };
}

/**
 * Ends the review: the task is done (normally the API already closed it with the last decision; this
 * closes it when the run saw the end first) and the reconciliation COMPLETED.
 */
export function createFinishOutageReview({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function finishOutageReview(input: { outageId: string; reconciliationId: string; reviewedBy: ProcessActor }): Promise<void> {
    await withTemporalFailures(() =>
      prisma.$transaction([
        prisma.$executeRaw`
          UPDATE tasks SET status = 'DONE', completed_at = now(), completed_by_user_id = ${input.reviewedBy.userId}::uuid,
                 outcome = jsonb_build_object('type', 'RECONCILIATION_REVIEW', 'pending', 0),
                 payload = payload || jsonb_build_object('pending', 0, 'valueMinor', 0), updated_at = now()
           WHERE idempotency_key = ${`${REVIEW_TASK_KEY_PREFIX}${input.outageId}`} AND status IN ('OPEN', 'CLAIMED')`,
        prisma.$executeRaw`
          UPDATE reconciliations SET status = 'COMPLETED', finished_at = now(), updated_at = now()
           WHERE id = ${input.reconciliationId}::uuid AND status <> 'COMPLETED'`,
      ]),
    );
  };
}
