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
 * are the four-eyes approval (Approvals inbox) and the DECISION task after a partial rollout.
 */
export const promotionWorkflow = {
  type: PROMOTION_WORKFLOW_TYPE,
  domain: 'promotions',
  workflowIdOf: promotionWorkflowId,
  searchAttributes: ['businessKey', 'workflowDomain', 'currentStep'],
  timelineQuery: null,
  cancelUpdate: null,
  taskTypes: [],
  steps: [
    { name: 'AWAITING_APPROVAL', label: 'Awaiting approval' },
    { name: 'SCHEDULED', label: 'Scheduled' },
    { name: 'ACTIVE', label: 'Active' },
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
