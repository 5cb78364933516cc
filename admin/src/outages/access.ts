import { type DomainAccessRules } from '../auth/access-rules';

const readOnly = ['list', 'show'] as const;

/**
 * Outages and their reconciliation (mirrors api/routes/outages, api/routes/offline-sales and the discrepancy
 * review): everybody signed in sees outages (staff: their store's and every channel's, for the banner).
 * Declaring and ending is head office's, and a store manager's for their own store (the buttons check the
 * manager flag and store, as the API does). Offline sales are imported by the store's staff and head office.
 * The review of discrepancies is the admins' (four-eyes among admins); ops leads may look at it. Offline-sale
 * conflicts are seen by whoever imports; decided by who runs the store's outage (the buttons check, as the API).
 */
export const outageAccessRules: DomainAccessRules = {
  ADMIN: {
    outages: [...readOnly, 'declare', 'end', 'import'],
    discrepancies: [...readOnly, 'decide'],
    'offline-sale-conflicts': readOnly,
  },
  OPS_LEAD: {
    outages: [...readOnly, 'declare', 'end', 'import'],
    discrepancies: readOnly,
    'offline-sale-conflicts': readOnly,
  },
  STORE_STAFF: {
    outages: [...readOnly, 'declare', 'end', 'import'],
    'offline-sale-conflicts': readOnly,
  },
};
