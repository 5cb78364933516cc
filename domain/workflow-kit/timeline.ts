/**
 * The step timeline every kit workflow keeps and answers through its timeline query; the API and the
 * admin UI read it the same way for every workflow type.
 */

/** One line of the timeline the UI shows. Times are ISO 8601 (workflow time). */
export interface TimelineEntry {
  step: string;
  startedAt: string;
  endedAt: string | null;
  actor: string | null;
  outcome: string | null;
}

/** The task a workflow waits on right now: only this one can be completed. */
export interface OpenTask {
  taskId: string;
  type: string;
}

/** What every kit workflow's timeline query answers at least; a workflow may add its own fields. */
export interface WorkflowTimeline {
  currentStep: string;
  openTask: OpenTask | null;
  entries: TimelineEntry[];
}
