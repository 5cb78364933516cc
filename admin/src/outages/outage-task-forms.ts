import { type TaskForms } from '../tasks/task-forms';
import { OutageChecklistForm } from './OutageChecklistForm';
import { ReconciliationReviewForm } from './ReconciliationReviewForm';
import { StockCountForm } from './StockCountForm';

/** The outage workflow's task types and their forms (added to tasks/task-forms.ts's `taskForms`). */
export const outageTaskForms: TaskForms = {
  OUTAGE_CHECKLIST: OutageChecklistForm,
  STOCK_COUNT: StockCountForm,
  RECONCILIATION_REVIEW: ReconciliationReviewForm,
};
export const outageTaskTypes = Object.keys(outageTaskForms);
