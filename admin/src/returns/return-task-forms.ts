import { type TaskForms } from '../tasks/task-forms';
import { InspectReturnForm } from './InspectReturnForm';
import { ManualRefundForm } from './ManualRefundForm';
import { ReturnHandbackForm } from './ReturnHandbackForm';

/** The return workflow's task types and their forms, added to the task page's registry (tasks/task-forms.ts). */
export const returnTaskForms: TaskForms = {
  RETURN_INSPECTION: InspectReturnForm,
  MANUAL_REFUND: ManualRefundForm,
  RETURN_HANDBACK: ReturnHandbackForm,
};
