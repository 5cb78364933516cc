import { type WorkflowDefinition } from '../workflow-kit/workflow-definition';
import { searchAttributes, startAttribute } from '../workflow-kit/search-attributes';
import { stockAdjustmentWorkflowId } from './stock-adjustment-rules';
import {
  STOCK_ADJUSTMENT_WORKFLOW_TYPE,
  type AdjustStockWithApprovalInput,
  type StockAdjustmentWorkflowSettings,
} from './stock-adjustment-workflow';

/** What starts one adjustment's run: the adjustment just written, and the API's approval settings. */
export interface StockAdjustmentStartSource {
  adjustment: { id: string; storeCode: string };
  settings: StockAdjustmentWorkflowSettings;
}

/**
 * The stock-adjustment workflow (workflows/stock-adjustments/adjust-stock-with-approval.ts): one run per
 * adjustment, started through the outbox in the transaction that writes it. It opens no tasks of its own:
 * its human step is an approval (four-eyes), decided in the Approvals inbox. Not cancellable.
 */
export const stockAdjustmentWorkflow = {
  type: STOCK_ADJUSTMENT_WORKFLOW_TYPE,
  domain: 'inventory',
  workflowIdOf: stockAdjustmentWorkflowId,
  searchAttributes: ['businessKey', 'workflowDomain', 'storeCode'],
  timelineQuery: null,
  cancelUpdate: null,
  taskTypes: [],
  steps: [
    { name: 'AWAITING_APPROVAL', label: 'Awaiting approval' },
    { name: 'APPLIED', label: 'Applied' },
    { name: 'REJECTED', label: 'Rejected' },
  ],
  startRequest: (taskQueue: string, { adjustment, settings }: StockAdjustmentStartSource) => {
    const workflowId = stockAdjustmentWorkflowId(adjustment.id);
    const input: AdjustStockWithApprovalInput = { adjustmentId: adjustment.id, settings };
    return {
      workflowType: STOCK_ADJUSTMENT_WORKFLOW_TYPE,
      workflowId,
      taskQueue,
      input,
      searchAttributes: [
        startAttribute(searchAttributes.businessKey, workflowId),
        startAttribute(searchAttributes.workflowDomain, 'inventory'),
        startAttribute(searchAttributes.storeCode, adjustment.storeCode),
      ],
      record: { stockAdjustmentId: adjustment.id },
    };
  },
} as const satisfies WorkflowDefinition<StockAdjustmentStartSource>;
