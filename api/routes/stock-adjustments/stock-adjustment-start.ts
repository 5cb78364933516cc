import { type WorkflowStartRequest } from '../../../workflow-starts/workflow-start-request';
import { stockAdjustmentWorkflowId } from '../../../domain/stock-adjustments/stock-adjustment-rules';
import {
  STOCK_ADJUSTMENT_WORKFLOW_TYPE,
  type AdjustStockWithApprovalInput,
  type StockAdjustmentWorkflowSettings,
} from '../../../domain/stock-adjustments/stock-adjustment-workflow';

/**
 * The outbox start of one adjustment's workflow (docs/workflow-starts.md), enqueued in the transaction
 * that writes the adjustment. TODO(kit registry): becomes the stock-adjustment line of the workflow
 * registry once it is on main.
 */
export function stockAdjustmentWorkflowStart(
  taskQueue: string,
  adjustment: { id: string; storeCode: string },
  settings: StockAdjustmentWorkflowSettings,
): WorkflowStartRequest {
  const workflowId = stockAdjustmentWorkflowId(adjustment.id);
  const input: AdjustStockWithApprovalInput = { adjustmentId: adjustment.id, settings };
  return {
    workflowType: STOCK_ADJUSTMENT_WORKFLOW_TYPE,
    workflowId,
    taskQueue,
    input,
    searchAttributes: [
      { name: 'BusinessKey', type: 'KEYWORD', value: workflowId },
      { name: 'WorkflowDomain', type: 'KEYWORD', value: 'inventory' },
      { name: 'StoreCode', type: 'KEYWORD', value: adjustment.storeCode },
    ],
    record: { stockAdjustmentId: adjustment.id },
  };
}
