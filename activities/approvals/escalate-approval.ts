import { recordAudit } from '../../db/audit/record-audit';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';

/**
 * The SLA passed with nobody deciding: the request is marked escalated (the inbox puts it first and flags
 * it; ops leads and admins, who outrank the required level, see it as theirs to decide too). Once only.
 */
export function createEscalateApproval({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function escalateApproval({
    approvalId,
    workflowId,
  }: {
    approvalId: string;
    workflowId: string;
  }): Promise<{ escalated: boolean }> {
    return withTemporalFailures(() =>
      prisma.$transaction(async (tx) => {
        const { count } = await tx.approvalRequest.updateMany({
          where: { id: approvalId, status: 'PENDING', escalatedAt: null },
          data: { escalatedAt: new Date() },
        });
        if (count === 1)
          await recordAudit(tx, {
            actor: { systemLabel: 'workflow:approvals' },
            action: 'approval.escalate',
            entityType: 'ApprovalRequest',
            entityId: approvalId,
            after: { escalated: true },
            workflowId,
          });
        return { escalated: count === 1 };
      }),
    );
  };
}
