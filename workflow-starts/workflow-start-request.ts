import { type SearchAttributeType } from '@temporalio/common';

/**
 * What a domain asks for when its record needs a workflow: everything Temporal's start call takes, as
 * data, so it can wait in the outbox (workflow_starts) for as long as Temporal is out of reach.
 * One object in, so returns, promotions and outages describe their starts the same way pickup does.
 */
export interface WorkflowStartRequest {
  workflowType: string;
  /** The business key (`pickup:<orderId>`): starting it twice joins the run that exists. */
  workflowId: string;
  taskQueue: string;
  /** The workflow's single argument; JSON, as Temporal's default payload converter sends it. */
  input: unknown;
  searchAttributes: StartSearchAttribute[];
  /** The business record whose process this is: its workflow_id is set when the run exists. */
  record: WorkflowStartRecord;
}

/** Typed search attribute to start the run with, e.g. `{ name: 'StoreCode', type: 'KEYWORD', value: 'AMS-01' }`. */
export interface StartSearchAttribute {
  name: string;
  type: `${SearchAttributeType}`;
  /** DATETIME values are ISO strings here and Dates on the wire. */
  value: string | number | boolean | string[];
}

/**
 * Which record the run belongs to. One nullable foreign key per kind of record on workflow_starts (the
 * database keeps the link honest); a new domain adds its column and its entry in linked-records.ts.
 */
export type WorkflowStartRecord =
  | { orderId: string }
  | { stockAdjustmentId: string }
  | { promotionId: string }
  | { returnId: string }
  | { outageId: string }
  | { stockCountId: string };

/** A signal waiting in the outbox for its run: delivered with the start when the run does not exist yet. */
export interface QueuedSignal {
  name: string;
  args: unknown[];
}
