import { type ReconciliationStatus } from '../../prisma/client';
import { type ActivityDeps } from '../deps';
import { type ChannelSyncOutcome } from '../../domain/channels/stock-sync-outcome';
import { STOCK_SYNC_RECONCILIATION_KIND } from './stock-sync-run';

export interface CloseStockSyncRunInput {
  reconciliationId: string;
  channels: readonly ChannelSyncOutcome[];
}

export interface CloseStockSyncRunResult {
  status: ReconciliationStatus;
  discrepancies: number;
}

/**
 * Finishes the run's Reconciliation: AWAITING_REVIEW when it raised discrepancies (someone has to look),
 * FAILED when no channel could be synced although some should have been, COMPLETED otherwise. The
 * summary keeps every channel's outcome, including why a channel was skipped.
 */
export function createCloseStockSyncRun({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function closeStockSyncRun(input: CloseStockSyncRunInput): Promise<CloseStockSyncRunResult> {
    const discrepancies = await prisma.discrepancy.count({ where: { reconciliationId: input.reconciliationId } });
    const failed = input.channels.filter((channel) => channel.outcome === 'FAILED').length;
    const synced = input.channels.filter((channel) => channel.outcome === 'SYNCED').length;
    const status: ReconciliationStatus = discrepancies > 0 ? 'AWAITING_REVIEW' : failed > 0 && synced === 0 ? 'FAILED' : 'COMPLETED';
    await prisma.reconciliation.update({
      where: { id: input.reconciliationId },
      data: {
        status,
        finishedAt: new Date(),
        summary: { kind: STOCK_SYNC_RECONCILIATION_KIND, discrepancies, channels: [...input.channels] },
      },
    });
    return { status, discrepancies };
  };
}
