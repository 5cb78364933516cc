import { type WorkflowDefinition } from '../workflow-kit/workflow-definition';
import { searchAttributes, startAttribute } from '../workflow-kit/search-attributes';
import { promotionWorkflowId } from './promotion-rules';
import { PROMOTION_WORKFLOW_TYPE, type PromotionWorkflowSettings, type RollOutPromotionInput } from './promotion-workflow';

export interface PromotionStartSource {
  promotion: { id: string };
  settings: PromotionWorkflowSettings;
}

/**
 * The promotion rollout (workflows/promotions/roll-out-promotion.ts): one run per promotion,
 * `promo:<promotionId>`, started through the outbox in the transaction that creates it. Its human steps
 * are the four-eyes approval (Approvals inbox), the DECISION task after a partial rollout (ops leads) and the
 * stores' SHELF_LABEL tasks (taken by the `labelShelves` runs it starts).
 */
export const promotionWorkflow = {
  type: PROMOTION_WORKFLOW_TYPE,
  domain: 'promotions',
  workflowIdOf: promotionWorkflowId,
  searchAttributes: ['businessKey', 'workflowDomain', 'currentStep'],
  timelineQuery: null,
  cancelUpdate: null,
  taskTypes: ['PROMOTION_DECISION', 'SHELF_LABEL'],
  steps: [
    { name: 'AWAITING_APPROVAL', label: 'Awaiting approval' },
    { name: 'SCHEDULED', label: 'Scheduled' },
    { name: 'ACTIVE', label: 'Active' },
    { name: 'AWAITING_DECISION', label: 'Awaiting a decision' },
    { name: 'ROLLING_BACK', label: 'Rolling back' },
    { name: 'ROLLED_BACK', label: 'Rolled back' },
    { name: 'RESTORING', label: 'Restoring at the end' },
    { name: 'ENDED', label: 'Ended' },
    { name: 'REJECTED', label: 'Rejected' },
  ],
  startRequest: (taskQueue: string, { promotion, settings }: PromotionStartSource) => {
    const workflowId = promotionWorkflowId(promotion.id);
    const input: RollOutPromotionInput = { promotionId: promotion.id, settings };
    return {
      workflowType: PROMOTION_WORKFLOW_TYPE,
      workflowId,
      taskQueue,
      input,
      searchAttributes: [
        startAttribute(searchAttributes.businessKey, workflowId),
        startAttribute(searchAttributes.workflowDomain, 'promotions'),
      ],
      record: { promotionId: promotion.id },
    };
  },
} as const satisfies WorkflowDefinition<PromotionStartSource>;
