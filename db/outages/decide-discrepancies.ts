import { recordAudit } from '../audit/record-audit';
import { type Actor } from '../../domain/auth/roles';
import { ConflictError, InvalidDataError, NotFoundError } from '../../domain/errors';
import {
  decideDiscrepancy,
  type DecidableDiscrepancy,
  type DiscrepancyDecision,
  type DiscrepancyStatus,
} from '../../domain/outages/discrepancy-decisions';
import { RECONCILIATION_REVIEWED_SIGNAL } from '../../domain/outages/outage-definition';
import { type DiscrepancyClass } from '../../domain/outages/reconciliation-rules';
import { Prisma } from '../../prisma/client';
import { queueWorkflowSignal } from '../../workflow-starts/enqueue-workflow-start';

type Tx = Prisma.TransactionClient;

interface LockedRow {
  id: string;
  class: DiscrepancyClass;
  resolution: DiscrepancyStatus;
  store_id: string | null;
  product_id: string;
  delta: number;
  corrected_delta: number | null;
  requires_four_eyes: boolean;
  first_approved_by_user_id: string | null;
  value_minor: bigint | null;
  outage_id: string;
  outage_status: string;
  workflow_id: string | null;
  base_price_minor: number;
}

export interface ReviewProgress {
  pending: number;
  valueMinor: number;
  /** The review is over: its task is done and the outage's run was told. */
  settled: boolean;
}

function decidable(row: LockedRow): DecidableDiscrepancy {
  const value = Number(row.value_minor ?? 0);
  const units = Math.abs(row.delta);
  return {
    class: row.class,
    status: row.resolution,
    storeId: row.store_id,
    delta: row.delta,
    correctedDelta: row.corrected_delta,
    requiresFourEyes: row.requires_four_eyes,
    firstApprovedBy: row.first_approved_by_user_id,
    unitValueMinor: units > 0 ? Math.round(value / units) : row.base_price_minor,
    valueMinor: value,
  };
}

const lockedColumns = `
  d.id, d.class, d.resolution::text AS resolution, d.store_id, d.product_id, d.delta, d.corrected_delta, d.requires_four_eyes,
  d.first_approved_by_user_id, d.value_minor, r.outage_id, o.status::text AS outage_status, o.workflow_id, p.base_price_minor`;

/** Locks discrepancies (by id, in id order so two bulk decisions never deadlock) with their outage. */
async function lockRows(tx: Tx, where: Prisma.Sql): Promise<LockedRow[]> {
  return tx.$queryRaw<LockedRow[]>`
    SELECT ${Prisma.raw(lockedColumns)} FROM discrepancies d JOIN reconciliations r ON r.id = d.reconciliation_id
      JOIN outages o ON o.id = r.outage_id JOIN products p ON p.id = d.product_id
     WHERE ${where} ORDER BY d.id FOR UPDATE OF d`;
}

function throwIfNotUnderReview(row: LockedRow): void {
  if (row.outage_status !== 'RECONCILING') throw new ConflictError('This outage is not under review any more');
}

async function writeDecision(
  tx: Tx,
  row: LockedRow,
  request: DiscrepancyDecision,
  actor: Actor,
  fourEyesAboveMinor: number,
  requestId: string | undefined,
): Promise<{ status: string; firstApproval: boolean }> {
  const outcome = decideDiscrepancy(decidable(row), request, actor.userId, fourEyesAboveMinor);
  const final = !outcome.firstApproval;
  const storeId = request.decision === 'FULFIL_FROM_STORE' ? request.storeId : null;
  const reason = 'reason' in request ? (request.reason ?? null) : null;
  await tx.$executeRaw`
    UPDATE discrepancies SET
      resolution = ${outcome.status}::discrepancy_resolution,
      decision = ${outcome.decision},
      corrected_delta = ${outcome.correctedDelta},
      value_minor = ${outcome.valueMinor},
      requires_four_eyes = ${outcome.requiresFourEyes},
      decision_store_id = ${storeId}::uuid,
      decision_reason = COALESCE(${reason}, decision_reason),
      first_approved_by_user_id = CASE WHEN ${outcome.firstApproval} THEN ${actor.userId}::uuid ELSE first_approved_by_user_id END,
      first_approved_at = CASE WHEN ${outcome.firstApproval} THEN now() ELSE first_approved_at END,
      resolved_by_user_id = CASE WHEN ${final} THEN ${actor.userId}::uuid ELSE resolved_by_user_id END,
      resolved_at = CASE WHEN ${final} THEN now() ELSE resolved_at END,
      updated_at = now()
    WHERE id = ${row.id}::uuid`;
  await recordAudit(tx, {
    actor,
    action: outcome.firstApproval ? 'discrepancy.first-approval' : `discrepancy.${outcome.decision.toLowerCase().replaceAll('_', '-')}`,
    entityType: 'Discrepancy',
    entityId: row.id,
    before: { status: row.resolution, delta: row.delta, correctedDelta: row.corrected_delta },
    after: { status: outcome.status, ...request, valueMinor: outcome.valueMinor },
    workflowId: row.workflow_id ?? undefined,
    requestId,
  });
  return { status: outcome.status, firstApproval: outcome.firstApproval };
}

async function throwIfStoreCannotFulfil(tx: Tx, row: LockedRow, request: DiscrepancyDecision): Promise<void> {
  if (request.decision !== 'FULFIL_FROM_STORE') return;
  const [level] = await tx.$queryRaw<{ available: number; active: boolean }[]>`
    SELECT COALESCE(i.on_hand - i.reserved, 0)::int AS available, s.active
      FROM stores s LEFT JOIN inventory_levels i ON i.store_id = s.id AND i.product_id = ${row.product_id}::uuid
     WHERE s.id = ${request.storeId}::uuid`;
  if (level === undefined || !level.active) throw new InvalidDataError('Unknown store', { storeId: 'no active store with this id' });
  if (level.available < Math.abs(row.delta))
    throw new InvalidDataError(`That store has ${level.available} available, ${Math.abs(row.delta)} needed`, {
      storeId: 'not enough stock there',
    });
}

/**
 * After decisions: what is still open in the outage's review goes on its RECONCILIATION_REVIEW task; when
 * nothing is, the task is done (by whoever decided last) and the run is told through the outbox, in
 * this transaction, so the review can never end without its run hearing of it.
 */
export async function refreshReview(tx: Tx, outageId: string, actor: Actor): Promise<ReviewProgress> {
  const [open] = await tx.$queryRaw<{ pending: number; value_minor: bigint; workflow_id: string | null }[]>`
    SELECT count(d.id)::int AS pending, COALESCE(sum(d.value_minor), 0)::bigint AS value_minor, o.workflow_id
      FROM outages o LEFT JOIN reconciliations r ON r.outage_id = o.id
      LEFT JOIN discrepancies d ON d.reconciliation_id = r.id AND d.resolution IN ('PENDING', 'AWAITING_SECOND_APPROVAL')
     WHERE o.id = ${outageId}::uuid GROUP BY o.workflow_id`;
  const pending = open?.pending ?? 0;
  const valueMinor = Number(open?.value_minor ?? 0);
  if (pending > 0) {
    await tx.$executeRaw`
      UPDATE tasks SET payload = payload || jsonb_build_object('pending', ${pending}::int, 'valueMinor', ${valueMinor}::bigint), updated_at = now()
       WHERE type = 'RECONCILIATION_REVIEW' AND payload->>'outageId' = ${outageId} AND status IN ('OPEN', 'CLAIMED')`;
    return { pending, valueMinor, settled: false };
  }
  await tx.$executeRaw`
    UPDATE tasks SET status = 'DONE', completed_at = now(), completed_by_user_id = ${actor.userId}::uuid,
           outcome = jsonb_build_object('type', 'RECONCILIATION_REVIEW', 'pending', 0),
           payload = payload || jsonb_build_object('pending', 0, 'valueMinor', 0), updated_at = now()
     WHERE type = 'RECONCILIATION_REVIEW' AND payload->>'outageId' = ${outageId} AND status IN ('OPEN', 'CLAIMED')`;
  if (open?.workflow_id) {
    await queueWorkflowSignal(tx, open.workflow_id, {
      name: RECONCILIATION_REVIEWED_SIGNAL,
      args: [{ reviewedBy: { userId: actor.userId, label: actor.email } }],
    });
  }
  return { pending: 0, valueMinor: 0, settled: true };
}

export interface DecideOneRequest {
  discrepancyId: string;
  request: DiscrepancyDecision;
  actor: Actor;
  fourEyesAboveMinor: number;
  requestId?: string;
}

/** One decision on one discrepancy; answers the outage and where its review stands. */
export async function decideOneDiscrepancy(
  tx: Tx,
  { discrepancyId, request, actor, fourEyesAboveMinor, requestId }: DecideOneRequest,
): Promise<{ outageId: string; workflowId: string | null; review: ReviewProgress }> {
  const [row] = await lockRows(tx, Prisma.sql`d.id = ${discrepancyId}::uuid`);
  if (row === undefined) throw new NotFoundError('Discrepancy not found');
  throwIfNotUnderReview(row);
  await throwIfStoreCannotFulfil(tx, row, request);
  await writeDecision(tx, row, request, actor, fourEyesAboveMinor, requestId);
  return { outageId: row.outage_id, workflowId: row.workflow_id, review: await refreshReview(tx, row.outage_id, actor) };
}

export interface BulkFilter {
  outageId: string;
  class?: DiscrepancyClass;
  storeId?: string;
  sku?: string;
  maxValueMinor?: number;
}

export interface BulkDecideRequest {
  filter: BulkFilter;
  decision: 'APPROVE' | 'REJECT';
  reason?: string;
  actor: Actor;
  fourEyesAboveMinor: number;
  requestId?: string;
}

/**
 * Approves or rejects every open discrepancy the filter matches, except double sales (an order decision
 * each) and those this person approved first (a second approval must be someone else's): those stay
 * open and are counted as skipped.
 */
export async function bulkDecideDiscrepancies(
  tx: Tx,
  { filter, decision, reason, actor, fourEyesAboveMinor, requestId }: BulkDecideRequest,
): Promise<{ decided: number; needSecondApproval: number; skipped: number; workflowId: string | null; review: ReviewProgress }> {
  const [outage] = await tx.$queryRaw<{ status: string; workflow_id: string | null }[]>`
    SELECT status::text AS status, workflow_id FROM outages WHERE id = ${filter.outageId}::uuid`;
  if (outage === undefined) throw new InvalidDataError('Unknown outage', { 'filter.outageId': 'no outage with this id' });
  if (outage.status !== 'RECONCILING') throw new ConflictError('This outage is not under review any more');
  const conditions = [
    Prisma.sql`r.outage_id = ${filter.outageId}::uuid`,
    Prisma.sql`d.resolution IN ('PENDING', 'AWAITING_SECOND_APPROVAL')`,
    ...(filter.class === undefined ? [] : [Prisma.sql`d.class = ${filter.class}`]),
    ...(filter.storeId === undefined ? [] : [Prisma.sql`d.store_id = ${filter.storeId}::uuid`]),
    ...(filter.sku === undefined ? [] : [Prisma.sql`p.sku = ${filter.sku}`]),
    ...(filter.maxValueMinor === undefined ? [] : [Prisma.sql`COALESCE(d.value_minor, 0) <= ${filter.maxValueMinor}`]),
  ];
  const rows = await lockRows(tx, Prisma.join(conditions, ' AND '));
  let decided = 0;
  let needSecondApproval = 0;
  let skipped = 0;
  for (const row of rows) {
    const secondBySamePerson = decision === 'APPROVE' && row.first_approved_by_user_id === actor.userId;
    if (row.class === 'DOUBLE_SALE' || secondBySamePerson) {
      skipped += 1;
      continue;
    }
    const request: DiscrepancyDecision = decision === 'APPROVE' ? { decision, reason } : { decision, reason };
    const written = await writeDecision(tx, row, request, actor, fourEyesAboveMinor, requestId);
    decided += 1;
    if (written.firstApproval) needSecondApproval += 1;
  }
  return { decided, needSecondApproval, skipped, workflowId: outage.workflow_id, review: await refreshReview(tx, filter.outageId, actor) };
}
