import { type WorkflowDefinition } from '../workflow-kit/workflow-definition';

/** The end-to-end check an operator runs (API -> Temporal -> worker -> PostgreSQL); nothing to undo. */
export const checkPipelineWorkflow = {
  type: 'checkPipeline',
  domain: 'system',
  workflowIdOf: (requestId: string) => `check-pipeline:${requestId}`,
  searchAttributes: [],
  timelineQuery: null,
  cancelUpdate: null,
  taskTypes: [],
  steps: [],
} as const satisfies WorkflowDefinition;
