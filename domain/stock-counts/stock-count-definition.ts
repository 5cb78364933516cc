import { type WorkflowDefinition } from '../workflow-kit/workflow-definition';
import { searchAttributes, startAttribute } from '../workflow-kit/search-attributes';
import { stockCountWorkflowId } from './stock-count-rules';
import { STOCK_COUNT_WORKFLOW_TYPE, type CountStockInput } from './stock-count-workflow';

/** What starts one count's run: the count just written with its task (the run's input). */
export type StockCountStartSource = CountStockInput;

/**
 * The stock count run outside an outage (workflows/stock-counts/count-stock.ts): one per count, started through
 * the outbox in the transaction that writes the count and its STOCK_COUNT task. Temporal's cancel closes the task.
 */
export const stockCountWorkflow = {
  type: STOCK_COUNT_WORKFLOW_TYPE,
  domain: 'inventory',
  workflowIdOf: stockCountWorkflowId,
  searchAttributes: ['businessKey', 'workflowDomain', 'storeCode', 'currentStep'],
  timelineQuery: 'stockCountTimeline',
  cancelUpdate: null,
  taskTypes: ['STOCK_COUNT'],
  steps: [
    { name: 'COUNTING', label: 'Counting' },
    { name: 'ADJUSTING', label: 'Correcting differences' },
    { name: 'AWAITING_APPROVAL', label: 'Awaiting approval' },
    { name: 'DONE', label: 'Done' },
    { name: 'EXPIRED', label: 'Expired' },
    { name: 'CANCELLED', label: 'Cancelled' },
  ],
  startRequest: (taskQueue: string, input: StockCountStartSource) => {
    const workflowId = stockCountWorkflowId(input.stockCountId);
    return {
      workflowType: STOCK_COUNT_WORKFLOW_TYPE,
      workflowId,
      taskQueue,
      input,
      searchAttributes: [
        startAttribute(searchAttributes.businessKey, workflowId),
        startAttribute(searchAttributes.workflowDomain, 'inventory'),
        startAttribute(searchAttributes.storeCode, input.storeCode),
        startAttribute(searchAttributes.currentStep, 'COUNTING'),
      ],
      record: { stockCountId: input.stockCountId },
    };
  },
} as const satisfies WorkflowDefinition<StockCountStartSource>;
