import { type ActivityDeps } from '../deps';
import { STOCK_SYNC_RECONCILIATION_KIND } from './stock-sync-run';

export interface OpenStockSyncRunInput {
  syncRunId: string;
}

export interface OpenStockSyncRunResult {
  reconciliationId: string;
}

/** Creates the run's Reconciliation row, or finds it again when Temporal retries this activity. */
export function createOpenStockSyncRun({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function openStockSyncRun(input: OpenStockSyncRunInput): Promise<OpenStockSyncRunResult> {
    const existing = await prisma.reconciliation.findFirst({
      where: { workflowId: input.syncRunId, outageId: null, summary: { path: ['kind'], equals: STOCK_SYNC_RECONCILIATION_KIND } },
      select: { id: true },
    });
    if (existing) return { reconciliationId: existing.id };
    const created = await prisma.reconciliation.create({
      data: { workflowId: input.syncRunId, status: 'RUNNING', startedAt: new Date(), summary: { kind: STOCK_SYNC_RECONCILIATION_KIND } },
      select: { id: true },
    });
    return { reconciliationId: created.id };
  };
}
