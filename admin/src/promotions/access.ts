import { type Permissions } from '../auth/permissions';
import { type DomainAccessRules } from '../auth/access-rules';

/** Promotions are written by ops leads and admins (the API's PROMOTION_WRITERS); everyone signed in reads them. */
export const promotionAccessRules: DomainAccessRules = {
  ADMIN: { promotions: ['list', 'show', 'create', 'edit'], 'price-consistency': ['list', 'show'] },
  OPS_LEAD: { promotions: ['list', 'show', 'create', 'edit'], 'price-consistency': ['list', 'show'] },
  STORE_STAFF: {},
};

export function canWritePromotions(permissions: Permissions | undefined): boolean {
  return permissions?.role === 'ADMIN' || permissions?.role === 'OPS_LEAD';
}
