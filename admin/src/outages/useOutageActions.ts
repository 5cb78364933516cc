import { useDataProvider } from 'react-admin';
import { type UploadProgress } from '../data/upload-with-progress';
import { type OmnichannelDataProvider } from '../data/data-provider';
import { type TaskRecord } from '../tasks/task-record';
import { type ConflictDecision, type OfflineSaleConflictRecord } from './conflict-compare';
import { type OfflineSalesResult } from './offline-sales-result';
import { type OutageRecord } from './outage-record';

/** What declaring an outage may name: a channel, or a store cut off (api/routes/outages/outages.validators.ts). */
export type OutageDeclaration = { kind: 'CHANNEL'; channelId: string; cause: string } | { kind: 'STORE'; storeId: string; cause: string };

/** The outage screens' commands, named, over the dataProvider (never fetch in a component). */
export function useOutageActions() {
  const dataProvider = useDataProvider<OmnichannelDataProvider>();
  return {
    /** Opens the outage, or joins the one already open for that channel or store (`joined`). */
    declareOutage: (declaration: OutageDeclaration) =>
      dataProvider.postJson<{ outage: OutageRecord; joined: boolean }>('/outages', declaration),
    endOutage: (id: string, reason: string) => dataProvider.recordAction<OutageRecord>('outages', { id, action: 'end', body: { reason } }),
    /** A STOCK_COUNT task for the store's open outage: its counts feed the reconciliation. */
    requestStockCount: (storeId: string, skus: string[]) =>
      dataProvider.postJson<TaskRecord>(`/stores/${encodeURIComponent(storeId)}/stock-counts`, { skus }),
    importOfflineSales: (storeId: string, file: File, onProgress: (progress: UploadProgress) => void, signal?: AbortSignal) =>
      dataProvider.uploadFile<OfflineSalesResult>(
        `/stores/${encodeURIComponent(storeId)}/offline-sales/import?fileName=${encodeURIComponent(file.name.slice(0, 200))}`,
        file,
        { contentType: 'text/csv', onProgress, signal },
      ),
    /** Keeps the journal's version of a re-imported receipt, or takes the incoming one (before it is applied). */
    decideConflict: (id: string, decision: ConflictDecision, reason: string) =>
      dataProvider.recordAction<OfflineSaleConflictRecord>('offline-sale-conflicts', {
        id,
        action: 'decision',
        body: { decision, reason },
      }),
  };
}
