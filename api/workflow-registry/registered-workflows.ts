import { channelStockSyncWorkflow, stockSyncWorkflow } from '../../domain/inventory/stock-sync-definitions';
import { outageWorkflow } from '../../domain/outages/outage-definition';
import { pickupWorkflow } from '../../domain/pickup/pickup-definition';
import { promotionWorkflow } from '../../domain/promotions/promotion-definition';
import { returnWorkflow } from '../../domain/returns/return-definition';
import { stockAdjustmentWorkflow } from '../../domain/stock-adjustments/stock-adjustment-definition';
import { checkPipelineWorkflow } from '../../domain/system/check-pipeline-definition';
import { stockCountWorkflow } from '../../domain/stock-counts/stock-count-definition';
import { stockCountTaskOutcomes } from './stock-count-task-outcomes';
import { outageTaskOutcomes } from './outage-task-outcomes';
import { checkProductPricesWorkflow } from '../../domain/price-consistency/check-product-prices-definition';
import { pickupTaskOutcomes } from './pickup-task-outcomes';
import { promotionTaskOutcomes } from './promotion-task-outcomes';
import { returnTaskOutcomes } from './return-task-outcomes';
import { WorkflowRegistry } from './workflow-registry';

/**
 * Every workflow type the API starts, lists, reads, cancels and completes tasks of: one line each
 * (docs/workflow-kit.md, "Adding a workflow").
 */
export const registeredWorkflows = new WorkflowRegistry([
  { definition: pickupWorkflow, taskOutcomes: pickupTaskOutcomes },
  { definition: stockSyncWorkflow },
  { definition: channelStockSyncWorkflow },
  { definition: checkPipelineWorkflow },
  { definition: stockAdjustmentWorkflow },
  { definition: promotionWorkflow, taskOutcomes: promotionTaskOutcomes },
  { definition: returnWorkflow, taskOutcomes: returnTaskOutcomes },
  { definition: outageWorkflow, taskOutcomes: outageTaskOutcomes },
  { definition: checkProductPricesWorkflow },
  { definition: stockCountWorkflow, taskOutcomes: stockCountTaskOutcomes },
]);
