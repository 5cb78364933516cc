import { searchAttributes, startAttribute } from '../workflow-kit/search-attributes';
import { type WorkflowDefinition } from '../workflow-kit/workflow-definition';
import { returnWorkflowId } from './return-keys';
import { RETURN_WORKFLOW_TYPE, type ReturnOrderInput, type ReturnWorkflowSettings } from './return-workflow';

/** What starts one return's run: the return just written (its receiving store) and the API's settings. */
export interface ReturnStartSource {
  return: { id: string; storeCode: string; channelCode: string };
  settings: ReturnWorkflowSettings;
}

/**
 * The return workflow (workflows/returns/return-order.ts): one run per return, `return:<returnId>`,
 * started through the outbox in the transaction that writes the return. Cancellable until the refund.
 */
export const returnWorkflow = {
  type: RETURN_WORKFLOW_TYPE,
  domain: 'returns',
  workflowIdOf: returnWorkflowId,
  searchAttributes: ['businessKey', 'workflowDomain', 'storeCode', 'channelCode', 'currentStep'],
  timelineQuery: 'returnTimeline',
  cancelUpdate: 'cancelReturn',
  notCancellableFailure: 'RETURN_NOT_CANCELLABLE',
  taskTypes: ['RETURN_INSPECTION', 'MANUAL_REFUND', 'RETURN_HANDBACK'],
  steps: [
    { name: 'RECEIVE', label: 'Received at the store', cancellable: true },
    { name: 'INSPECT', label: 'Inspection', cancellable: true },
    { name: 'APPROVE', label: 'Approval', cancellable: true },
    { name: 'REFUND', label: 'Refund' },
    { name: 'STOCK', label: 'Restock / write-off' },
    { name: 'NOTIFY', label: 'Customer told' },
    { name: 'CLOSED', label: 'Closed' },
    { name: 'HANDBACK', label: 'Item handed back' },
    { name: 'REJECTED', label: 'Rejected' },
    { name: 'CANCELLED', label: 'Cancelled' },
  ],
  startRequest: (taskQueue: string, source: ReturnStartSource) => {
    const workflowId = returnWorkflowId(source.return.id);
    const input: ReturnOrderInput = { returnId: source.return.id, settings: source.settings };
    return {
      workflowType: RETURN_WORKFLOW_TYPE,
      workflowId,
      taskQueue,
      input,
      searchAttributes: [
        startAttribute(searchAttributes.businessKey, workflowId),
        startAttribute(searchAttributes.workflowDomain, 'returns'),
        startAttribute(searchAttributes.storeCode, source.return.storeCode),
        startAttribute(searchAttributes.channelCode, source.return.channelCode),
        startAttribute(searchAttributes.currentStep, 'RECEIVE'),
      ],
      record: { returnId: source.return.id },
    };
  },
} as const satisfies WorkflowDefinition<ReturnStartSource>;
