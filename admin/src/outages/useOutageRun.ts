import { useGetOne } from 'react-admin';
import { timelineRefreshMs } from '../workflows/workflow-choices';
import { isRunning, type WorkflowRecord } from '../workflows/workflow-record';
import { type OutageRecord } from './outage-record';

/**
 * The outage's run (status, current step, timeline) from the Workflows resource, polled while it runs. A row
 * the Workflows list left in the cache has no steps or timeline: wait for the run itself.
 */
export function useOutageRun(outage: Pick<OutageRecord, 'workflowId'> | undefined) {
  const workflowId = outage?.workflowId ?? null;
  const run = useGetOne<WorkflowRecord>(
    'workflows',
    { id: workflowId ?? '' },
    {
      enabled: workflowId !== null,
      retry: false,
      refetchInterval: (query) =>
        query.state.status === 'error' ? false : query.state.data === undefined || isRunning(query.state.data) ? timelineRefreshMs : false,
    },
  );
  const complete = run.data !== undefined && Array.isArray((run.data as Partial<WorkflowRecord>).steps);
  return { ...run, data: complete ? run.data : undefined };
}
