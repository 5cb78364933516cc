import { type DomainAccessRules } from '../auth/access-rules';

/**
 * Mirrors api/routes/store-credits: everyone finds store credit (store staff: their store's, or any by its
 * code) and redeems it at a till (staff at their own store).
 */
const tillActions = ['list', 'show'] as const;

export const storeCreditAccessRules: DomainAccessRules = {
  ADMIN: { 'store-credits': tillActions },
  OPS_LEAD: { 'store-credits': tillActions },
  STORE_STAFF: { 'store-credits': tillActions },
};
