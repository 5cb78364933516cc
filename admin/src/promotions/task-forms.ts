import { type TaskForms } from '../tasks/task-forms';
import { PromotionDecisionForm } from './PromotionDecisionForm';
import { ShelfLabelForm } from './ShelfLabelForm';

/** The rollout's tasks (docs/promotions.md): the ops lead's decision and each store's shelf labels. */
export const promotionTaskForms: TaskForms = { PROMOTION_DECISION: PromotionDecisionForm, SHELF_LABEL: ShelfLabelForm };
