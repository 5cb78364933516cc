import { loadApprovalSubject } from '../../db/approvals/approval-subjects';
import { editorsOf } from '../../db/approvals/decide-approval';
import { recordAudit } from '../../db/audit/record-audit';
import { type ApprovalSubjectRef, type OpenedApproval } from '../../domain/approvals/approval-messages';
import { type ApproverLevel } from '../../domain/approvals/approval-rules';
import { ConflictError } from '../../domain/errors';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';

export interface OpenApprovalRequestInput extends ApprovalSubjectRef {
  /** `approval:<workflowId>:<n>`: a retried activity opens the request once. */
  idempotencyKey: string;
  requestedByUserId: string;
  requestedByLabel: string;
  requiredLevel: ApproverLevel;
  valueLimitMinor: number | null;
  amountMinor: number;
  currency: string;
  workflowId: string;
  slaDueAt: string;
}

/**
 * Opens an approval request for the subject as it is now (its version and fields: what the diff compares
 * against later), audited in the same transaction. Idempotent by key: a retry answers the request the
 * first attempt opened. Answers what the workflow needs to check a decision itself.
 */
export function createOpenApprovalRequest({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function openApprovalRequest(input: OpenApprovalRequestInput): Promise<OpenedApproval> {
    return withTemporalFailures(() =>
      prisma.$transaction(async (tx) => {
        const existing = await tx.approvalRequest.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
        const subject = await loadApprovalSubject(tx, input.subjectType, input.subjectId);
        if (subject === null) throw new ConflictError(`${input.subjectType} ${input.subjectId} no longer exists`);
        const request =
          existing ??
          (await tx.approvalRequest.create({
            data: {
              subjectType: input.subjectType,
              subjectId: input.subjectId,
              subjectVersion: subject.version,
              subjectSnapshot: subject.fields,
              summary: subject.summary,
              requestedByUserId: input.requestedByUserId,
              requiredLevel: input.requiredLevel,
              storeId: subject.storeId,
              amountMinor: BigInt(input.amountMinor),
              valueLimitMinor: input.valueLimitMinor === null ? null : BigInt(input.valueLimitMinor),
              currency: input.currency,
              workflowId: input.workflowId,
              slaDueAt: new Date(input.slaDueAt),
              idempotencyKey: input.idempotencyKey,
            },
          }));
        if (existing === null) {
          await recordAudit(tx, {
            actor: { userId: input.requestedByUserId, label: input.requestedByLabel },
            action: 'approval.request',
            entityType: 'ApprovalRequest',
            entityId: request.id,
            after: {
              subjectType: input.subjectType,
              subjectId: input.subjectId,
              version: subject.version,
              requiredLevel: input.requiredLevel,
            },
            workflowId: input.workflowId,
          });
        }
        return {
          approvalId: request.id,
          requestedByUserId: request.requestedByUserId,
          requiredLevel: request.requiredLevel,
          storeId: request.storeId,
          subjectVersion: request.subjectVersion,
          editorUserIds: await editorsOf(tx, input.subjectType, input.subjectId),
        };
      }),
    );
  };
}
