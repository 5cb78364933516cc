import { useDataProvider } from 'react-admin';
import { type OmnichannelDataProvider } from '../data/data-provider';
import { type TaskRecord } from '../tasks/task-record';
import { type PromotionDecision } from './promotion-tasks';

/** Completing the rollout's tasks (POST /api/tasks/:id/complete), named, over the dataProvider. */
export function usePromotionTaskActions() {
  const dataProvider = useDataProvider<OmnichannelDataProvider>();
  const complete = (id: string, body?: unknown) => dataProvider.recordAction<TaskRecord>('tasks', { id, action: 'complete', body });
  return {
    decideRollout: (id: string, body: { decision: PromotionDecision; reason?: string }) => complete(id, body),
    confirmShelfLabels: (id: string) => complete(id),
  };
}
