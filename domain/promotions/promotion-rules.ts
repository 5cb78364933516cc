/** The approvals subject type of a promotion (db/approvals/approval-subjects.ts). */
export const PROMOTION_SUBJECT = 'PROMOTION';

export const PROMOTION_WORKFLOW_TYPE = 'rollOutPromotion';

export function promotionWorkflowId(promotionId: string): string {
  return `promo:${promotionId}`;
}

/** Statuses in which a promotion may still be edited (each edit bumps its version and asks for approval again). */
export const EDITABLE_STATUSES = ['DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'SCHEDULED'] as const;

export function isEditable(status: string): boolean {
  return (EDITABLE_STATUSES as readonly string[]).includes(status);
}
