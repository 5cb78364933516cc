import { type TaskForms } from '../tasks/task-forms';
import { PromotionDecisionForm } from './PromotionDecisionForm';
import { ShelfLabelForm } from './ShelfLabelForm';

/** The rollout's tasks (docs/promotions.md): the ops lead's decision and each store's shelf labels. */
export const promotionTaskForms: TaskForms = { PROMOTION_DECISION: PromotionDecisionForm, SHELF_LABEL: ShelfLabelForm };

/** Both forms hide their actions on a closed task: the decision keeps its figures and link, the labels their list and Print. */
export const promotionTypesReadableWhenClosed = ['PROMOTION_DECISION', 'SHELF_LABEL'];
