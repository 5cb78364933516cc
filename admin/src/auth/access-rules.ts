import { outageAccessRules } from '../outages/access';
import { returnAccessRules } from '../returns/access';
import { storeCreditAccessRules } from '../store-credits/access';
import { promotionAccessRules } from '../promotions/access';
import { type Role } from './session';

/**
 * What each role may do in the UI, mirroring the API's route guards so nobody is offered a screen or a
 * button the API would refuse. The API stays the authority: this only shapes menus and buttons.
 * Actions are react-admin's (list, show, edit, create, delete, export, ...) plus the record actions of
 * our API (`cancel`, `claim`, `complete`). Unlocking a task is for store managers, a flag rather than a
 * role: see tasks/task-permissions.ts.
 */
export type ResourceActions = Readonly<Record<string, readonly string[]>>;

/**
 * A workflow domain's screens (returns, promotions, outages, ...) bring their own rules in
 * `admin/src/<domain>/access.ts` and add them to `domainAccessRules` here: the core table below stays
 * the shell's.
 */
export type DomainAccessRules = Readonly<Record<Role, ResourceActions>>;

const domainAccessRules: readonly DomainAccessRules[] = [
  outageAccessRules,
  returnAccessRules,
  promotionAccessRules,
  storeCreditAccessRules,
];

const readOnly = ['list', 'show'] as const;

const rulesByRole: Record<Role, ResourceActions> = {
  ADMIN: {
    stores: [...readOnly, 'edit'],
    channels: [...readOnly, 'edit'],
    products: readOnly,
    inventory: readOnly,
    'inventory-movements': ['list'],
    'stock-adjustments': [...readOnly, 'create'],
    users: [...readOnly, 'edit', 'create', 'reset-password'],
    'audit-events': readOnly,
    orders: [...readOnly, 'cancel', 'start-fulfilment'],
    tasks: [...readOnly, 'claim', 'complete'],
    // Who may decide a request is the API's answer per record (canDecide): four-eyes, level, store.
    approvals: [...readOnly, 'approve', 'reject'],
    workflows: [...readOnly, 'cancel'],
  },
  OPS_LEAD: {
    stores: [...readOnly, 'edit'],
    channels: readOnly,
    products: readOnly,
    inventory: readOnly,
    'inventory-movements': ['list'],
    'stock-adjustments': [...readOnly, 'create'],
    orders: [...readOnly, 'cancel', 'start-fulfilment'],
    tasks: [...readOnly, 'claim', 'complete'],
    approvals: [...readOnly, 'approve', 'reject'],
    workflows: readOnly,
  },
  STORE_STAFF: {
    stores: readOnly,
    channels: readOnly,
    products: readOnly,
    inventory: readOnly,
    'inventory-movements': ['list'],
    // Managers of the store adjust it (the form and buttons check isStoreManager; the API enforces it).
    'stock-adjustments': [...readOnly, 'create'],
    // The API confines staff to their own store's orders, tasks and runs.
    orders: [...readOnly, 'cancel'],
    tasks: [...readOnly, 'claim', 'complete'],
    // Clerks see the requests they made; managers decide their store's (the API narrows both).
    approvals: [...readOnly, 'approve', 'reject'],
    workflows: readOnly,
  },
};

export function roleMayAccess(role: Role, resource: string, action: string): boolean {
  return [rulesByRole[role], ...domainAccessRules.map((rules) => rules[role])].some((rules) => rules[resource]?.includes(action));
}
