import { useDataProvider } from 'react-admin';
import { type OmnichannelDataProvider } from '../data/data-provider';
import { type BulkDecisionFilter, type DecidedDiscrepancy } from './discrepancy-record';

export type DiscrepancyDecision =
  | { decision: 'APPROVE'; correctedDelta?: number; reason?: string }
  | { decision: 'REJECT'; reason?: string }
  | { decision: 'FULFIL_FROM_STORE'; storeId: string }
  | { decision: 'CANCEL_AND_REFUND'; reason: string };

/** The review's commands (POST /api/discrepancies/:id/decision, /bulk-decision), named, over the dataProvider. */
export function useDiscrepancyActions() {
  const dataProvider = useDataProvider<OmnichannelDataProvider>();
  return {
    decide: (id: string, decision: DiscrepancyDecision) =>
      dataProvider.recordAction<DecidedDiscrepancy & { id: string }>('discrepancies', { id, action: 'decision', body: decision }),
    decideInBulk: (filter: BulkDecisionFilter, decision: 'APPROVE' | 'REJECT', reason?: string) =>
      dataProvider.postJson<{ decided: number; needSecondApproval: number; skipped: number }>('/discrepancies/bulk-decision', {
        filter,
        decision,
        ...(reason !== undefined && reason !== '' && { reason }),
      }),
  };
}
