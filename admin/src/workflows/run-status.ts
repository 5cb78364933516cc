import { type WorkflowRecord } from './workflow-record';

/**
 * What a person would call the run's state. A pickup cancelled through its cancelPickup Update (stock
 * released, money refunded) or left to expire ends its workflow normally, so Temporal says COMPLETED;
 * its last step says what really happened.
 */
export function displayedRunStatus(run: Pick<WorkflowRecord, 'status' | 'currentStep'>): string {
  if (run.status === 'COMPLETED' && (run.currentStep === 'CANCELLED' || run.currentStep === 'EXPIRED')) return run.currentStep;
  return run.status;
}
