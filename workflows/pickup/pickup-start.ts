import { patched } from '@temporalio/workflow';

/**
 * Runs recorded before the one-task start (load, reserve and open PICK as separate activities, the
 * search attributes upserted at every enter) replay the old way; every new run takes the short path.
 * Retirement plan: docs/workflow-kit.md, "Retiring pickup-one-task-start".
 */
export function usesOneTaskStart(): boolean {
  return patched('pickup-one-task-start');
}
