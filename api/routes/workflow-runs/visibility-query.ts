import { visibilityLiteralPattern, type WorkflowListFilter, type WorkflowStatus } from './workflow-runs.validators';

/** Temporal's visibility query spells statuses in PascalCase (`ExecutionStatus = 'Running'`). */
const statusInQuery: Record<WorkflowStatus, string> = {
  RUNNING: 'Running',
  COMPLETED: 'Completed',
  FAILED: 'Failed',
  CANCELLED: 'Canceled',
  TERMINATED: 'Terminated',
  CONTINUED_AS_NEW: 'ContinuedAsNew',
  TIMED_OUT: 'TimedOut',
};

/**
 * The visibility query for a list filter. Values were validated to a character set that cannot leave a
 * quoted literal (workflows.validators.ts), so they are quoted, not escaped. `storeCode` confines store
 * staff to the runs of their store: runs without a StoreCode (stock sync, checks) never match it.
 */
export function visibilityQueryFor(
  filter: Omit<WorkflowListFilter, 'order'>,
  confinedToStoreCode: string | null,
  /** Only these runs (the ones of the orders an order search found); ids come from our own outbox table. */
  workflowIds?: readonly string[],
): string {
  const clauses: string[] = [];
  if (workflowIds !== undefined) {
    const usable = workflowIds.filter((id) => visibilityLiteralPattern.test(id));
    clauses.push(usable.length === 0 ? `WorkflowId = ''` : `WorkflowId IN (${usable.map((id) => `'${id}'`).join(', ')})`);
  }
  if (filter.status !== undefined) clauses.push(`ExecutionStatus = '${statusInQuery[filter.status]}'`);
  if (filter.type !== undefined) clauses.push(`WorkflowType = '${filter.type}'`);
  if (filter.domain !== undefined) clauses.push(`WorkflowDomain = '${filter.domain}'`);
  if (filter.q !== undefined) clauses.push(`(WorkflowId STARTS_WITH '${filter.q}' OR BusinessKey STARTS_WITH '${filter.q}')`);
  if (confinedToStoreCode !== null) {
    // Store codes come from our own table, but a code that could leave the quotes must not widen the scope.
    if (!visibilityLiteralPattern.test(confinedToStoreCode))
      throw new Error(`Store code ${JSON.stringify(confinedToStoreCode)} cannot be used in a visibility query`);
    clauses.push(`StoreCode = '${confinedToStoreCode}'`);
  }
  return clauses.join(' AND ');
}
