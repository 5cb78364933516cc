import { type WorkflowDefinition } from '../workflow-kit/workflow-definition';

/**
 * The scheduled stock sync (docs/stock-sync.md) and its per-channel children. Idempotent pushes and
 * nothing reserved or paid: Temporal's cancel is enough, and neither keeps a step timeline. The schedule
 * names the runs (worker/schedules.ts), a run names its children `stock-sync:<run>:<channel>`.
 */
export const stockSyncWorkflow = {
  type: 'syncStock',
  domain: 'inventory',
  searchAttributes: ['businessKey', 'workflowDomain'],
  timelineQuery: null,
  cancelUpdate: null,
  taskTypes: [],
  steps: [],
} as const satisfies WorkflowDefinition;

export const channelStockSyncWorkflow = {
  type: 'syncChannelStock',
  domain: 'inventory',
  searchAttributes: ['businessKey', 'workflowDomain', 'channelCode'],
  timelineQuery: null,
  cancelUpdate: null,
  taskTypes: [],
  steps: [],
} as const satisfies WorkflowDefinition;
