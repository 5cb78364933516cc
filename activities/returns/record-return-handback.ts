import { recordAudit } from '../../db/audit/record-audit';
import { ConflictError } from '../../domain/errors';
import { type ProcessActor } from '../../domain/workflow-kit/process-actor';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';

export interface RecordReturnHandbackInput {
  returnId: string;
  actor: ProcessActor;
  note: string | null;
  workflowId: string;
}

/**
 * The rejected return's item is back with the customer: who handed it over and when, once, audited in
 * their name. Again for a return already handed back: nothing changes.
 */
export function createRecordReturnHandback({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function recordReturnHandback(input: RecordReturnHandbackInput): Promise<{ outcome: 'SET' | 'UNCHANGED' }> {
    return withTemporalFailures(() =>
      prisma.$transaction(async (tx) => {
        const [row] = await tx.$queryRaw<{ status: string; handed_back_at: Date | null }[]>`
          SELECT status::text AS status, handed_back_at FROM returns WHERE id = ${input.returnId}::uuid FOR UPDATE`;
        if (row === undefined) throw new ConflictError(`Return ${input.returnId} no longer exists`);
        if (row.handed_back_at !== null) return { outcome: 'UNCHANGED' as const };
        if (row.status !== 'REJECTED')
          throw new ConflictError(`Return ${input.returnId} is ${row.status}, not REJECTED: nothing to hand back`);
        const handedBackAt = new Date();
        await tx.return.update({
          where: { id: input.returnId },
          data: { handedBackAt, handedBackUserId: input.actor.userId },
        });
        await recordAudit(tx, {
          actor: input.actor,
          action: 'return.hand-back',
          entityType: 'Return',
          entityId: input.returnId,
          before: { status: row.status, handedBackAt: null },
          after: { status: row.status, handedBackAt: handedBackAt.toISOString(), ...(input.note !== null && { note: input.note }) },
          workflowId: input.workflowId,
        });
        return { outcome: 'SET' as const };
      }),
    );
  };
}
