import { type ComponentType } from 'react';
import { ReturnApprovalDetails } from '../returns/ReturnApprovalDetails';

/**
 * What a request's subject looks like to the person deciding, by approval subject type: a domain whose
 * requests need more than the summary (items, reasons, money) adds its panel here. Each panel reads the
 * approval from react-admin's record context.
 */
export const subjectDetails: Readonly<Record<string, ComponentType>> = {
  RETURN: ReturnApprovalDetails,
};
