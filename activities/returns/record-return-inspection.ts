import { recordAudit } from '../../db/audit/record-audit';
import { ConflictError } from '../../domain/errors';
import { type InspectionOutcome } from '../../domain/returns/return-workflow';
import { type ProcessActor } from '../../domain/workflow-kit/process-actor';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';

export interface RecordReturnInspectionInput {
  returnId: string;
  outcome: InspectionOutcome;
  actor: ProcessActor;
  workflowId: string;
}

/**
 * Writes the grade and disposition of every line and moves the return to INSPECTED in one transaction,
 * audited in the inspector's name. Again for an inspected return: nothing changes.
 */
export function createRecordReturnInspection({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function recordReturnInspection(input: RecordReturnInspectionInput): Promise<{ outcome: 'SET' | 'UNCHANGED' }> {
    return withTemporalFailures(() =>
      prisma.$transaction(async (tx) => {
        const [row] = await tx.$queryRaw<{ status: string }[]>`
          SELECT status::text AS status FROM returns WHERE id = ${input.returnId}::uuid FOR UPDATE`;
        if (row === undefined) throw new ConflictError(`Return ${input.returnId} no longer exists`);
        if (row.status !== 'RECEIVED') return { outcome: 'UNCHANGED' as const };
        const inspectedAt = new Date();
        for (const line of input.outcome.lines) {
          const { count } = await tx.returnLine.updateMany({
            where: { id: line.returnLineId, returnId: input.returnId },
            data: { condition: line.grade, disposition: line.disposition, inspectedAt, inspectedByUserId: input.actor.userId },
          });
          if (count !== 1) throw new ConflictError(`Return ${input.returnId} has no line ${line.returnLineId}`);
        }
        await tx.return.update({ where: { id: input.returnId }, data: { status: 'INSPECTED' } });
        await recordAudit(tx, {
          actor: input.actor,
          action: 'return.inspect',
          entityType: 'Return',
          entityId: input.returnId,
          before: { status: row.status },
          after: { status: 'INSPECTED', lines: input.outcome.lines },
          workflowId: input.workflowId,
        });
        return { outcome: 'SET' as const };
      }),
    );
  };
}
