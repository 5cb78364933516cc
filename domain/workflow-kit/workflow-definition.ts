import { type WorkflowStartRequest } from '../../workflow-starts/workflow-start-request';
import { type searchAttributes } from './search-attributes';

/** A step as the run reports it (CurrentStep, timeline) and as the admin UI names it. */
export interface WorkflowStep {
  name: string;
  label: string;
  /** The run still takes a business cancellation at this step (the UI offers Cancel only then). */
  cancellable?: boolean;
}

type SearchAttributeKeyName = keyof typeof searchAttributes;

/**
 * What the API, the admin UI and starters know of one workflow type, without its code: plain data and
 * pure functions, importable by the workflow bundle too. Registered with one line in
 * api/workflow-registry.ts; the API's list, timeline, cancel and task routes read it and never switch on
 * a workflow type.
 */
export interface WorkflowDefinition<StartSource = never> {
  /** Temporal workflow type (the exported function's name in workflows/index.ts). */
  type: string;
  /** WorkflowDomain search attribute; also the actor `workflow:<domain>`. */
  domain: string;
  /**
   * Business-key workflow id, e.g. `pickup:<orderId>`: one run per record, ever. Undefined for runs a
   * Temporal schedule starts (the schedule names them).
   */
  workflowIdOf?: (businessKey: string) => string;
  /** A queue of its own; the worker's configured queue (TEMPORAL_TASK_QUEUE) when undefined. */
  taskQueue?: string;
  /** The search attributes its runs carry (keys of domain/workflow-kit/search-attributes.ts). */
  searchAttributes: readonly SearchAttributeKeyName[];
  /** Name of its query answering a WorkflowTimeline; null when it keeps none. */
  timelineQuery: string | null;
  /**
   * Name of its Update `{ reason, actor }` that winds the business process down (release, refund, tell)
   * and answers once closed; null: Temporal's own cancel is enough (nothing outside the run to put right).
   */
  cancelUpdate: string | null;
  /** Failure type its cancel Update refuses with (answered 409). */
  notCancellableFailure?: string;
  /** Task types its runs open (their outcomes are registered next to the definition). */
  taskTypes: readonly string[];
  /** Every step it reports, in the order it goes through them. */
  steps: readonly WorkflowStep[];
  /** The outbox request that starts a run for `source` (docs/workflow-starts.md). */
  startRequest?: (taskQueue: string, source: StartSource) => WorkflowStartRequest;
}
