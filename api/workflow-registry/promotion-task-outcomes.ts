import {
  PROMOTION_DECISION_TASK,
  promotionDecisionBodySchema,
  SHELF_LABEL_TASK,
  shelfLabelBodySchema,
} from '../../domain/promotions/promotion-tasks';
import { taskOutcome } from './task-outcome-registration';

/**
 * The promotion's task types: the ops leads' DECISION after a partial rollout (a reason is required to
 * roll back or to accept partial) and a store's SHELF_LABEL task (no body: done means the labels changed).
 */
export const promotionTaskOutcomes = [
  taskOutcome({
    taskType: PROMOTION_DECISION_TASK,
    bodySchema: promotionDecisionBodySchema,
    toOutcome: (body) => ({ type: PROMOTION_DECISION_TASK, decision: body.decision, reason: body.reason ?? null }),
  }),
  taskOutcome({ taskType: SHELF_LABEL_TASK, bodySchema: shelfLabelBodySchema, toOutcome: () => ({ type: SHELF_LABEL_TASK }) }),
];
