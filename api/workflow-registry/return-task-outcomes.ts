import {
  inspectionOutcomeBodySchema,
  manualRefundOutcomeBodySchema,
  returnHandbackOutcomeBodySchema,
} from '../routes/returns/returns.validators';
import { taskOutcome } from './task-outcome-registration';

/** The return workflow's task types: the inspection at the receiving store and a refund made by hand. */
export const returnTaskOutcomes = [
  taskOutcome({
    taskType: 'RETURN_INSPECTION',
    bodySchema: inspectionOutcomeBodySchema,
    toOutcome: (body) => ({ type: 'RETURN_INSPECTION', ...body }),
  }),
  taskOutcome({
    taskType: 'MANUAL_REFUND',
    bodySchema: manualRefundOutcomeBodySchema,
    toOutcome: (body) => ({ type: 'MANUAL_REFUND', ...body }),
  }),
  taskOutcome({
    taskType: 'RETURN_HANDBACK',
    bodySchema: returnHandbackOutcomeBodySchema,
    toOutcome: (body) => ({ type: 'RETURN_HANDBACK', ...body }),
  }),
];
