import { type WorkflowDefinition } from '../../../domain/workflow-kit/workflow-definition';

/**
 * The sample stock count as a registered workflow would describe itself: registered only by
 * test/kit/registered-sample.test.ts, to prove the API's routes serve a workflow they were never told about.
 */
export const sampleStockCountWorkflow = {
  type: 'sampleStockCount',
  domain: 'sample',
  workflowIdOf: (countId: string) => `sample-count:${countId}`,
  searchAttributes: ['businessKey', 'workflowDomain', 'storeCode', 'currentStep'],
  timelineQuery: 'sampleTimeline',
  cancelUpdate: 'cancelSample',
  notCancellableFailure: 'SAMPLE_NOT_CANCELLABLE',
  taskTypes: ['ESCALATION'],
  steps: [
    { name: 'COUNTING', label: 'Counting', cancellable: true },
    { name: 'CANCELLING', label: 'Cancelling' },
    { name: 'COUNTED', label: 'Counted' },
    { name: 'CANCELLED', label: 'Cancelled' },
  ],
} as const satisfies WorkflowDefinition;
