import { recordAudit } from '../audit/record-audit';
import { type Actor } from '../../domain/auth/roles';
import { ConflictError, NotFoundError } from '../../domain/errors';
import { type OfflineSaleConflictDecision, type Prisma } from '../../prisma/client';
import { lockStoreJournal } from './journal-write-guard';

export interface ConflictDecisionRequest {
  conflictId: string;
  decision: OfflineSaleConflictDecision;
  reason: string;
  actor: Actor;
  requestId?: string;
}

interface LockedConflict {
  receipt_number: string;
  resolved_at: Date | null;
  applied_to_stock_at: Date | null;
  taken_elsewhere: number;
}

/**
 * Decides one conflict of the offline journal, once, inside the caller's transaction. The journal stays
 * append-only: KEEP_JOURNAL dismisses the incoming version; TAKE_INCOMING marks it as the version that
 * supersedes the journal's lines, which the reconciliation applies instead (activities/outages/reconcile-outage.ts).
 * That is only possible before a reconciliation applied the receipt: under the store's journal lock, which
 * the reconciliation takes too, the decision and the reconciliation never overlap. Refusals write nothing.
 */
export async function decideOfflineSaleConflict(tx: Prisma.TransactionClient, request: ConflictDecisionRequest): Promise<void> {
  const conflict = await tx.offlineSaleConflict.findUnique({
    where: { id: request.conflictId },
    select: { offlineSale: { select: { id: true, storeId: true } } },
  });
  if (conflict === null) throw new NotFoundError('Offline sale conflict not found');
  await lockStoreJournal((text, params) => tx.$queryRawUnsafe(text, ...(params ?? [])), conflict.offlineSale.storeId);
  const [locked] = await tx.$queryRaw<LockedConflict[]>`
    SELECT s.receipt_number, c.resolved_at, s.applied_to_stock_at,
           (SELECT count(*) FROM offline_sale_conflicts o
             WHERE o.offline_sale_id = s.id AND o.id <> c.id AND o.decision = 'TAKE_INCOMING')::int AS taken_elsewhere
      FROM offline_sale_conflicts c JOIN offline_sales s ON s.id = c.offline_sale_id
     WHERE c.id = ${request.conflictId}::uuid
       FOR UPDATE OF c`;
  if (locked === undefined) throw new NotFoundError('Offline sale conflict not found');
  if (locked.resolved_at !== null) throw new ConflictError('This conflict was decided already');
  if (request.decision === 'TAKE_INCOMING') {
    if (locked.applied_to_stock_at !== null)
      throw new ConflictError(
        `Receipt ${locked.receipt_number} was already applied to stock by a reconciliation as the journal has it: ` +
          'keep the journal version and correct the difference with a stock adjustment',
      );
    if (locked.taken_elsewhere > 0)
      throw new ConflictError(`Another version of receipt ${locked.receipt_number} was already taken: keep the journal version here`);
  }
  await tx.offlineSaleConflict.update({
    where: { id: request.conflictId },
    data: { decision: request.decision, decisionReason: request.reason, decidedByUserId: request.actor.userId, resolvedAt: new Date() },
  });
  await recordAudit(tx, {
    actor: request.actor,
    action: 'offline-sale-conflict.decide',
    entityType: 'OfflineSaleConflict',
    entityId: request.conflictId,
    before: { status: 'OPEN' },
    after: { decision: request.decision, reason: request.reason, receiptNumber: locked.receipt_number },
    requestId: request.requestId,
  });
}
