/**
 * What a workflow receives when a person completes one of its tasks: the task type, and that type's own
 * fields. Each domain registers its task types' outcomes (how a person's request becomes one).
 */
export type TaskOutcomeBase = { type: string } & Record<string, unknown>;
