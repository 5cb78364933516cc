import { useDataProvider } from 'react-admin';
import { type OmnichannelDataProvider } from '../data/data-provider';
import { type WorkflowRecord } from './workflow-record';

/** The Workflows resource's record actions, named, over the dataProvider (never fetch in components). */
export function useWorkflowActions() {
  const dataProvider = useDataProvider<OmnichannelDataProvider>();
  return {
    cancelWorkflow: (id: string, reason: string) =>
      dataProvider.recordAction<WorkflowRecord>('workflows', { id, action: 'cancel', body: { reason } }),
  };
}
