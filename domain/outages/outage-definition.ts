import { type WorkflowDefinition } from '../workflow-kit/workflow-definition';
import { searchAttributes, startAttribute } from '../workflow-kit/search-attributes';
import { outageWorkflowId } from './outage-detection';
import { OUTAGE_WORKFLOW_TYPE, type HandleOutageInput, type OutageWorkflowSettings } from './outage-workflow';

export const END_OUTAGE_SIGNAL = 'endOutage';

/** What starts an outage's run: the outage just opened and the starter's settings. */
export interface OutageStartSource {
  outage: { id: string; storeCode: string | null; channelCode: string | null };
  settings: OutageWorkflowSettings;
}

/**
 * The outage workflow (workflows/outages/handle-outage.ts): one run per outage, started through the
 * outbox with the outage row; a second detection or declaration joins the open outage instead. Ended by
 * its channel answering again or by the `endOutage` signal; not cancellable (its measures must be lifted).
 */
export const outageWorkflow = {
  type: OUTAGE_WORKFLOW_TYPE,
  domain: 'outages',
  workflowIdOf: outageWorkflowId,
  searchAttributes: ['businessKey', 'workflowDomain', 'storeCode', 'channelCode', 'currentStep'],
  timelineQuery: 'outageTimeline',
  cancelUpdate: null,
  taskTypes: ['RECONCILIATION_REVIEW', 'OUTAGE_CHECKLIST', 'STOCK_COUNT'],
  steps: [
    { name: 'PROTECTING', label: 'Protective measures' },
    { name: 'WAITING_FOR_RECOVERY', label: 'Waiting for recovery' },
    { name: 'RECONCILING', label: 'Reconciling' },
    { name: 'REVIEWING', label: 'Review of discrepancies' },
    { name: 'APPLYING_CORRECTIONS', label: 'Applying corrections' },
    { name: 'LIFTING_MEASURES', label: 'Lifting measures' },
    { name: 'PUBLISHING', label: 'Publishing to channels' },
    { name: 'RESOLVED', label: 'Resolved' },
  ],
  startRequest: (taskQueue: string, { outage, settings }: OutageStartSource) => {
    const workflowId = outageWorkflowId(outage.id);
    const input: HandleOutageInput = { outageId: outage.id, settings };
    return {
      workflowType: OUTAGE_WORKFLOW_TYPE,
      workflowId,
      taskQueue,
      input,
      searchAttributes: [
        startAttribute(searchAttributes.businessKey, workflowId),
        startAttribute(searchAttributes.workflowDomain, 'outages'),
        ...(outage.storeCode === null ? [] : [startAttribute(searchAttributes.storeCode, outage.storeCode)]),
        ...(outage.channelCode === null ? [] : [startAttribute(searchAttributes.channelCode, outage.channelCode)]),
      ],
      record: { outageId: outage.id },
    };
  },
} as const satisfies WorkflowDefinition<OutageStartSource>;

/** The API's word to the run that the last open discrepancy of its review was decided (docs/outages.md). */
export const RECONCILIATION_REVIEWED_SIGNAL = 'reconciliationReviewed';
/** Idempotency key of an outage's one RECONCILIATION_REVIEW task: `reconciliation-review:<outageId>`. */
export const REVIEW_TASK_KEY_PREFIX = 'reconciliation-review:';

/** The API opened a STOCK_COUNT task for the outage's store (the task row is written with the signal). */
export const STOCK_COUNT_REQUESTED_SIGNAL = 'stockCountRequested';
