import { type DomainAccessRules } from '../auth/access-rules';

/**
 * Mirrors api/routes/returns: every role lists and opens returns (store staff those received at their
 * store, the API narrows), takes items back (`create`), receives a return the customer started on a
 * channel (`receive`: staff at their own store, head office names one) and cancels before the refund.
 */
const counterActions = ['list', 'show', 'create', 'receive', 'cancel'] as const;

export const returnAccessRules: DomainAccessRules = {
  ADMIN: { returns: counterActions },
  OPS_LEAD: { returns: counterActions },
  STORE_STAFF: { returns: counterActions },
};
