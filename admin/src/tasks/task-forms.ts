import { type ComponentType } from 'react';
import { CompleteHandoverForm } from './CompleteHandoverForm';
import { CompletePickForm } from './CompletePickForm';
import { outageTaskForms } from '../outages/outage-task-forms';
import { returnTaskForms } from '../returns/return-task-forms';
import { promotionTaskForms, promotionTypesReadableWhenClosed } from '../promotions/task-forms';

/**
 * The completion form of each task type, keyed by the task's `type`. A workflow domain that adds a task
 * type (returns' inspection, a promotion's decision, a reconciliation review, ...) keeps its form next to
 * its own screens and adds its map to `taskForms` below: the task page itself never changes.
 * Each form reads the task from react-admin's record context.
 */
export type TaskForms = Readonly<Record<string, ComponentType>>;

const pickupTaskForms: TaskForms = { PICK: CompletePickForm, HANDOVER: CompleteHandoverForm };

export const taskForms: TaskForms = { ...pickupTaskForms, ...outageTaskForms, ...returnTaskForms, ...promotionTaskForms };

/**
 * Task types whose form is also the closed task's read-only view: it keeps showing its content (figures,
 * lists, links, Print) and hides its own actions while the task is not actionable (`isActionable`), so
 * the task page shows it under the outcome. A form with nothing to read once done (a pick's inputs) is not
 * listed: its closed page says what happens next.
 */
export const typesReadableWhenClosed: ReadonlySet<string> = new Set([...promotionTypesReadableWhenClosed]);
