import { useDataProvider } from 'react-admin';
import { type OmnichannelDataProvider } from '../data/data-provider';
import { type TaskRecord } from '../tasks/task-record';

/** Completing the outage workflow's tasks (POST /api/tasks/:id/complete with the body each type takes). */
export function useOutageTaskActions() {
  const dataProvider = useDataProvider<OmnichannelDataProvider>();
  const complete = (id: string, body: unknown) => dataProvider.recordAction<TaskRecord>('tasks', { id, action: 'complete', body });
  return {
    acknowledgeChecklist: (id: string) => complete(id, { acknowledged: true }),
    submitStockCount: (id: string, counts: { sku: string; counted: number }[]) => complete(id, { counts }),
  };
}
