import { useGetOne } from 'react-admin';
import { timelineRefreshMs } from '../workflows/workflow-choices';
import { isRunning, type WorkflowRecord } from '../workflows/workflow-record';
import { type OrderRecord } from './order-record';

/**
 * The order's pickup run (status, current step, timeline) from the Workflows resource, polled while the
 * run is going and the page is open. Components that call it for the same order share one query.
 * Opened from the Workflows list, the cache first holds the list's row of the run, which lacks the steps.
 */
export function useOrderRun(order: Pick<OrderRecord, 'workflowId'> | undefined) {
  const workflowId = order?.workflowId ?? null;
  const run = useGetOne<WorkflowRecord>(
    'workflows',
    { id: workflowId ?? '' },
    {
      enabled: workflowId !== null,
      refetchInterval: (query) => (query.state.data === undefined || isRunning(query.state.data) ? timelineRefreshMs : false),
    },
  );
  // A row the Workflows list left in the cache has no steps or timeline: wait for the run itself.
  const complete = run.data !== undefined && Array.isArray((run.data as Partial<WorkflowRecord>).steps);
  return { ...run, data: complete ? run.data : undefined };
}
