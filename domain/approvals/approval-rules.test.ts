import {
  approvalRefusal,
  approverLevelOf,
  levelCovers,
  requiredApprovalFor,
  type ApprovalCase,
  type ApprovalDecider,
} from './approval-rules';

const limits = { storeManagerMinor: 50_000, opsLeadMinor: 500_000 };
const manager = (userId: string, storeId = 'store-a'): ApprovalDecider => ({ userId, role: 'STORE_STAFF', storeId, isStoreManager: true });
const pending = (over: Partial<ApprovalCase> = {}): ApprovalCase => ({
  status: 'PENDING',
  requestedByUserId: 'requester',
  requiredLevel: 'STORE_MANAGER',
  storeId: 'store-a',
  editorUserIds: [],
  ...over,
});

describe('approval rules', () => {
  it('picks the lowest level whose value limit covers the amount', () => {
    expect(requiredApprovalFor(50_000, limits)).toEqual({ level: 'STORE_MANAGER', valueLimitMinor: 50_000 });
    expect(requiredApprovalFor(50_001, limits)).toEqual({ level: 'OPS_LEAD', valueLimitMinor: 500_000 });
    expect(requiredApprovalFor(500_001, limits)).toEqual({ level: 'ADMIN', valueLimitMinor: null });
  });

  it('gives clerks no level and ranks managers, ops leads and admins', () => {
    expect(approverLevelOf({ role: 'STORE_STAFF', isStoreManager: false })).toBeNull();
    expect(approverLevelOf({ role: 'STORE_STAFF', isStoreManager: true })).toBe('STORE_MANAGER');
    expect(approverLevelOf({ role: 'OPS_LEAD', isStoreManager: false })).toBe('OPS_LEAD');
  });

  it('never lets the requester decide, whatever their level (four-eyes)', () => {
    const admin: ApprovalDecider = { userId: 'requester', role: 'ADMIN', storeId: null, isStoreManager: false };
    expect(approvalRefusal(admin, pending())?.code).toBe('REQUESTER');
  });

  it('never lets someone who edited the subject decide', () => {
    expect(approvalRefusal(manager('editor'), pending({ editorUserIds: ['editor'] }))?.code).toBe('EDITOR');
  });

  it('keeps store managers to their store and their level; higher levels decide anywhere', () => {
    expect(approvalRefusal(manager('m1'), pending())).toBeNull();
    expect(approvalRefusal(manager('m2', 'store-b'), pending())?.code).toBe('STORE');
    expect(approvalRefusal(manager('m1'), pending({ requiredLevel: 'OPS_LEAD' }))?.code).toBe('LEVEL');
    const lead: ApprovalDecider = { userId: 'lead', role: 'OPS_LEAD', storeId: null, isStoreManager: false };
    expect(approvalRefusal(lead, pending())).toBeNull();
    expect(approvalRefusal(lead, pending({ requiredLevel: 'ADMIN' }))?.code).toBe('LEVEL');
    const clerk: ApprovalDecider = { userId: 'clerk', role: 'STORE_STAFF', storeId: 'store-a', isStoreManager: false };
    expect(approvalRefusal(clerk, pending())?.code).toBe('LEVEL');
  });

  it('refuses a decision on a request that is no longer pending', () => {
    expect(approvalRefusal(manager('m1'), pending({ status: 'APPROVED' }))?.code).toBe('NOT_PENDING');
  });
});

describe('approval levels after an edit', () => {
  it('lets an approval stand only while its level still covers what the subject needs', () => {
    expect(levelCovers('OPS_LEAD', 'STORE_MANAGER')).toBe(true);
    expect(levelCovers('STORE_MANAGER', 'OPS_LEAD')).toBe(false);
  });
});
