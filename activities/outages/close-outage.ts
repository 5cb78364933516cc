import { recordAudit } from '../../db/audit/record-audit';
import { type ProcessActor } from '../../domain/workflow-kit/process-actor';
import { reportByClass, type DiscrepancyClass } from '../../domain/outages/reconciliation-rules';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';

export interface CloseOutageInput {
  outageId: string;
  workflowId: string;
  endedBy: ProcessActor;
  reason: string;
}

export type OutageReport = ReturnType<typeof reportByClass>;

/**
 * Resolves the outage with its report (counts and value per discrepancy class, from its reconciliations)
 * and frees its channel or store for the next outage (open_scope null). Idempotent: a resolved outage
 * answers its stored report.
 */
export function createCloseOutage({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function closeOutage(input: CloseOutageInput): Promise<{ report: OutageReport }> {
    return withTemporalFailures(() =>
      prisma.$transaction(async (tx) => {
        const [outage] = await tx.$queryRaw<{ status: string; report: OutageReport | null }[]>`
          SELECT status::text AS status, report FROM outages WHERE id = ${input.outageId}::uuid FOR UPDATE`;
        if (outage?.status === 'RESOLVED' && outage.report !== null) return { report: outage.report };
        const rows = await tx.$queryRaw<{ class: DiscrepancyClass; resolution: string; count: number; value_minor: bigint }[]>`
          SELECT d.class, d.resolution::text AS resolution, count(*)::int AS count, COALESCE(sum(d.value_minor), 0)::bigint AS value_minor
            FROM discrepancies d JOIN reconciliations r ON r.id = d.reconciliation_id
           WHERE r.outage_id = ${input.outageId}::uuid AND d.class IS NOT NULL
           GROUP BY d.class, d.resolution`;
        const report = reportByClass(
          rows.map((r) => ({ class: r.class, resolution: r.resolution, count: r.count, valueMinor: Number(r.value_minor) })),
        );
        await tx.$executeRaw`
          UPDATE outages SET status = 'RESOLVED', open_scope = NULL, resolved_at = now(), report = ${JSON.stringify(report)}::jsonb, updated_at = now()
           WHERE id = ${input.outageId}::uuid`;
        await recordAudit(tx, {
          actor: input.endedBy,
          action: 'outage.resolve',
          entityType: 'Outage',
          entityId: input.outageId,
          after: { reason: input.reason, report },
          workflowId: input.workflowId,
        });
        return { report };
      }),
    );
  };
}

/** Moves an open outage to RECOVERING or RECONCILING (what the outages list shows). */
export function createSetOutageStatus({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function setOutageStatus(input: { outageId: string; status: 'RECOVERING' | 'RECONCILING' }): Promise<void> {
    await withTemporalFailures(
      () =>
        prisma.$executeRaw`
        UPDATE outages SET status = ${input.status}::outage_status, updated_at = now()
         WHERE id = ${input.outageId}::uuid AND status <> 'RESOLVED'`,
    );
  };
}
