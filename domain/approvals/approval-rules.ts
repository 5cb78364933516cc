import { type Role } from '../auth/roles';

/**
 * Who may approve what (four-eyes), as pure rules the API, the database's own checks and the workflow all
 * agree with. Levels rank STORE_MANAGER < OPS_LEAD < ADMIN; a higher level may always decide what a lower
 * one may. Store managers decide only for their own store. Nobody decides on a subject they requested or
 * edited. What a level may approve (its value limit) is chosen when the request is opened: the amount
 * picks the lowest level whose limit covers it.
 */

export const approverLevels = ['STORE_MANAGER', 'OPS_LEAD', 'ADMIN'] as const;
export type ApproverLevel = (typeof approverLevels)[number];

/** Most a level may approve, in minor units (ADMIN: no limit). */
export interface ApprovalValueLimits {
  storeManagerMinor: number;
  opsLeadMinor: number;
}

export interface RequiredApproval {
  level: ApproverLevel;
  /** The chosen level's limit; null for ADMIN (unlimited). */
  valueLimitMinor: number | null;
}

/** The person deciding, as the API knows them (and as the decision signal carries them to the workflow). */
export interface ApprovalDecider {
  userId: string;
  role: Role;
  storeId: string | null;
  isStoreManager: boolean;
}

/** What a decision is checked against. */
export interface ApprovalCase {
  status: 'PENDING' | 'APPROVED' | 'REJECTED' | 'SUPERSEDED' | 'WITHDRAWN';
  requestedByUserId: string;
  requiredLevel: ApproverLevel;
  /** Store managers must belong to it; null: any store. */
  storeId: string | null;
  /** Everyone who edited the subject: they may never decide on it. */
  editorUserIds: readonly string[];
}

export type ApprovalRefusalCode = 'NOT_PENDING' | 'REQUESTER' | 'EDITOR' | 'LEVEL' | 'STORE';

export interface ApprovalRefusal {
  code: ApprovalRefusalCode;
  message: string;
}

const rank: Record<ApproverLevel, number> = { STORE_MANAGER: 1, OPS_LEAD: 2, ADMIN: 3 };

export function requiredApprovalFor(amountMinor: number, limits: ApprovalValueLimits): RequiredApproval {
  if (amountMinor <= limits.storeManagerMinor) return { level: 'STORE_MANAGER', valueLimitMinor: limits.storeManagerMinor };
  if (amountMinor <= limits.opsLeadMinor) return { level: 'OPS_LEAD', valueLimitMinor: limits.opsLeadMinor };
  return { level: 'ADMIN', valueLimitMinor: null };
}

/** Whether an approval at `given` level is enough for what now needs `needed` (an edit may have raised the amount). */
export function levelCovers(given: ApproverLevel, needed: ApproverLevel): boolean {
  return rank[given] >= rank[needed];
}

/** The level a person approves at, or null when they approve nothing (clerks). */
export function approverLevelOf(person: Pick<ApprovalDecider, 'role' | 'isStoreManager'>): ApproverLevel | null {
  if (person.role === 'ADMIN') return 'ADMIN';
  if (person.role === 'OPS_LEAD') return 'OPS_LEAD';
  return person.isStoreManager ? 'STORE_MANAGER' : null;
}

/** May this person decide requests of this level and store at all (before looking at who asked)? */
export function mayDecideAtLevel(person: ApprovalDecider, required: Pick<ApprovalCase, 'requiredLevel' | 'storeId'>): boolean {
  const level = approverLevelOf(person);
  if (level === null || rank[level] < rank[required.requiredLevel]) return false;
  return level !== 'STORE_MANAGER' || required.storeId === null || person.storeId === required.storeId;
}

/** Why this person may not decide this request, or null when they may. Order: state, four-eyes, authority. */
export function approvalRefusal(person: ApprovalDecider, request: ApprovalCase): ApprovalRefusal | null {
  if (request.status !== 'PENDING') return { code: 'NOT_PENDING', message: `This request is ${request.status.toLowerCase()}` };
  if (person.userId === request.requestedByUserId)
    return { code: 'REQUESTER', message: 'You asked for this approval: a second person must decide (four-eyes)' };
  if (request.editorUserIds.includes(person.userId))
    return { code: 'EDITOR', message: 'You edited what is to be approved: a person who did not must decide (four-eyes)' };
  const level = approverLevelOf(person);
  if (level === null || rank[level] < rank[request.requiredLevel])
    return { code: 'LEVEL', message: `This request needs an approver of level ${request.requiredLevel} or above` };
  if (!mayDecideAtLevel(person, request)) return { code: 'STORE', message: 'Store managers decide for their own store only' };
  return null;
}
