import { patched } from '@temporalio/workflow';
import { type PickupOrderSnapshot } from '../../domain/pickup/pickup-order-snapshot';
import { type PickupOrderInput } from '../../domain/pickup/pickup-workflow';

/**
 * What the starter may add to the input: the order snapshot it has just read (api/workflows/start-pickup.ts),
 * so the run does not read it again. Optional, so callers that only know the order id still work.
 */
export interface PickupOrderStart extends PickupOrderInput {
  order?: PickupOrderSnapshot;
}

/**
 * Runs recorded before the one-task start (load, reserve and open PICK as separate activities, the
 * search attributes upserted at every enter) replay the old way; every new run takes the short path.
 */
export function usesOneTaskStart(): boolean {
  return patched('pickup-one-task-start');
}
