import { recordAudit } from '../../db/audit/record-audit';
import { ConflictError } from '../../domain/errors';
import { RETURN_ACTOR } from '../../domain/returns/return-workflow';
import { type ReturnStatus } from '../../prisma/client';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';

export interface SetReturnStatusInput {
  returnId: string;
  status: ReturnStatus;
  workflowId: string;
  /** The approval that decided it (APPROVED / REJECTED): who approved is recorded on the return. */
  approval?: { approvalId: string; decidedByUserId: string | null };
  note?: string;
}

const closed: readonly ReturnStatus[] = ['CLOSED', 'REJECTED', 'CANCELLED'];

/**
 * Moves the return along its workflow, the row locked, audited as the workflow. Setting the status it has
 * is a no-op (a retried activity); a closed return never moves again. CANCELLED and REJECTED give the
 * units back to the order lines (database triggers).
 */
export function createSetReturnStatus({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function setReturnStatus(input: SetReturnStatusInput): Promise<{ outcome: 'SET' | 'UNCHANGED' }> {
    return withTemporalFailures(() =>
      prisma.$transaction(async (tx) => {
        const [row] = await tx.$queryRaw<{ status: ReturnStatus }[]>`
          SELECT status::text AS status FROM returns WHERE id = ${input.returnId}::uuid FOR UPDATE`;
        if (row === undefined) throw new ConflictError(`Return ${input.returnId} no longer exists`);
        if (row.status === input.status) return { outcome: 'UNCHANGED' as const };
        if (closed.includes(row.status)) throw new ConflictError(`Return ${input.returnId} is already ${row.status}`);
        await tx.return.update({
          where: { id: input.returnId },
          data: {
            status: input.status,
            ...(input.status === 'APPROVED' &&
              input.approval !== undefined && {
                approvedByUserId: input.approval.decidedByUserId,
                approvedAt: new Date(),
              }),
          },
        });
        await recordAudit(tx, {
          actor: { systemLabel: RETURN_ACTOR.label },
          action: `return.${input.status.toLowerCase()}`,
          entityType: 'Return',
          entityId: input.returnId,
          before: { status: row.status },
          after: { status: input.status, ...(input.note !== undefined && { note: input.note }) },
          workflowId: input.workflowId,
        });
        return { outcome: 'SET' as const };
      }),
    );
  };
}
