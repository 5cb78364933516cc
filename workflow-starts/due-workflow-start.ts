import { type WorkflowStartStatus } from '../prisma/client';
import { type QueuedSignal, type StartSearchAttribute } from './workflow-start-request';

/** A start (or its queued signals) as an attempt reads it: what to send and what state it was in. */
export interface DueWorkflowStart {
  /** The start's identity (unique on workflow_starts). */
  workflowId: string;
  workflowType: string;
  taskQueue: string;
  input: unknown;
  searchAttributes: StartSearchAttribute[];
  pendingSignals: QueuedSignal[];
  status: WorkflowStartStatus;
  attempts: number;
}

/** Column list for raw claims, aliased to the fields above. */
export const dueStartColumns = `workflow_id AS "workflowId", workflow_type AS "workflowType", task_queue AS "taskQueue", input,
  search_attributes AS "searchAttributes", pending_signals AS "pendingSignals", status::text AS status, attempts`;
