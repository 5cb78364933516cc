import { useDataProvider } from 'react-admin';
import { type OmnichannelDataProvider } from '../data/data-provider';
import { type ApprovalRecord } from './approval-record';

/** The inbox's record actions (POST /api/approvals/:id/approve | reject), over the dataProvider. */
export function useApprovalActions() {
  const dataProvider = useDataProvider<OmnichannelDataProvider>();
  return {
    approve: (id: string) => dataProvider.recordAction<ApprovalRecord>('approvals', { id, action: 'approve' }),
    reject: (id: string, reason: string) =>
      dataProvider.recordAction<ApprovalRecord>('approvals', { id, action: 'reject', body: { reason } }),
  };
}
