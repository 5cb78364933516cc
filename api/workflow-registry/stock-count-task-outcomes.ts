import { outageTaskOutcomes } from './outage-task-outcomes';

/**
 * A count outside an outage is completed exactly like one during an outage (same body, same check that every
 * SKU of the task is counted once): the very same registration, shared by both workflows that open STOCK_COUNT.
 */
export const stockCountTaskOutcomes = outageTaskOutcomes.filter((outcome) => outcome.taskType === 'STOCK_COUNT');
