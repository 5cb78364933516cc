import { APPROVAL_SUBJECT_EDITED_SIGNAL, type ApprovalSubjectEditedMessage } from '../../domain/approvals/approval-messages';
import { type Prisma } from '../../prisma/client';
import { queueWorkflowSignal } from '../../workflow-starts/enqueue-workflow-start';

export interface SubjectEdit {
  subjectType: string;
  subjectId: string;
  editedByUserId: string;
  /** The subject's version after the edit. */
  version: number;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/**
 * Call in the transaction that edits a subject approvals cover. Records who edited it (that person may
 * never decide on it: the database's trigger, the API and the workflow all check), makes every approval
 * the edit outdates SUPERSEDED (an approved subject edited afterwards needs a new approval), and tells
 * the workflows waiting on pending requests who edited, through the outbox. Answers the ids superseded.
 */
export async function recordSubjectEdit(tx: Prisma.TransactionClient, edit: SubjectEdit): Promise<string[]> {
  await tx.approvalSubjectEdit.create({
    data: {
      subjectType: edit.subjectType,
      subjectId: edit.subjectId,
      editedByUserId: edit.editedByUserId,
      version: edit.version,
      before: JSON.parse(JSON.stringify(edit.before)) as Prisma.InputJsonValue,
      after: JSON.parse(JSON.stringify(edit.after)) as Prisma.InputJsonValue,
    },
  });
  const superseded = await tx.approvalRequest.findMany({
    where: { subjectType: edit.subjectType, subjectId: edit.subjectId, status: 'APPROVED' },
    select: { id: true },
  });
  if (superseded.length > 0)
    await tx.approvalRequest.updateMany({ where: { id: { in: superseded.map((row) => row.id) } }, data: { status: 'SUPERSEDED' } });
  const waiting = await tx.approvalRequest.findMany({
    where: { subjectType: edit.subjectType, subjectId: edit.subjectId, status: 'PENDING', workflowId: { not: null } },
    select: { workflowId: true },
    distinct: ['workflowId'],
  });
  const message: ApprovalSubjectEditedMessage = {
    subjectType: edit.subjectType,
    subjectId: edit.subjectId,
    editedByUserId: edit.editedByUserId,
    version: edit.version,
  };
  for (const { workflowId } of waiting)
    if (workflowId !== null) await queueWorkflowSignal(tx, workflowId, { name: APPROVAL_SUBJECT_EDITED_SIGNAL, args: [message] });
  return superseded.map((row) => row.id);
}
