import { type WorkflowDefinition } from '../../domain/workflow-kit/workflow-definition';
import { type TaskOutcomeRegistration } from './task-outcome-registration';

/** One registry line: a workflow's definition and the outcomes of the task types it opens. */
export interface RegisteredWorkflow {
  // The registry holds definitions of every start source; starting one goes through its own typed definition.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  definition: WorkflowDefinition<any>;
  taskOutcomes?: readonly TaskOutcomeRegistration[];
}

/**
 * The workflow types the API knows, by type and by the task types they open. Built once from the
 * registry lines (registered-workflows.ts); a test builds one with a sample workflow added.
 */
export class WorkflowRegistry {
  private readonly byType = new Map<string, RegisteredWorkflow>();
  private readonly outcomes = new Map<string, TaskOutcomeRegistration>();

  constructor(readonly entries: readonly RegisteredWorkflow[]) {
    for (const entry of entries) {
      if (this.byType.has(entry.definition.type)) throw new Error(`Workflow type ${entry.definition.type} is registered twice`);
      this.byType.set(entry.definition.type, entry);
      for (const outcome of entry.taskOutcomes ?? []) {
        if (!entry.definition.taskTypes.includes(outcome.taskType))
          throw new Error(`${entry.definition.type} registers an outcome for ${outcome.taskType}, a task type it does not open`);
        // Two workflows may open one task type (STOCK_COUNT: outages and counts of their own) if they share its registration.
        const registered = this.outcomes.get(outcome.taskType);
        if (registered !== undefined && registered !== outcome)
          throw new Error(`Task type ${outcome.taskType} has two outcome registrations`);
        this.outcomes.set(outcome.taskType, outcome);
      }
    }
  }

  /** The same registry with more lines (tests register their sample workflows this way). */
  with(...entries: RegisteredWorkflow[]): WorkflowRegistry {
    return new WorkflowRegistry([...this.entries, ...entries]);
  }

  definitionOf(type: string): WorkflowDefinition<unknown> | undefined {
    return this.byType.get(type)?.definition as WorkflowDefinition<unknown> | undefined;
  }

  /** How a person completes `taskType`; undefined: no workflow takes completions of it through the API. */
  taskOutcomeOf(taskType: string): TaskOutcomeRegistration | undefined {
    return this.outcomes.get(taskType);
  }

  get taskOutcomes(): TaskOutcomeRegistration[] {
    return [...this.outcomes.values()];
  }
}
