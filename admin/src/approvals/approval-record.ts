import { type RaRecord } from 'react-admin';

type FieldValue = string | number | boolean | null;

/** GET /api/approvals/:id (the list rows have all but subjectNow, diff and refusal). */
export interface ApprovalRecord extends RaRecord<string> {
  subjectType: string;
  summary: string;
  status: 'PENDING' | 'APPROVED' | 'REJECTED' | 'SUPERSEDED' | 'WITHDRAWN';
  requiredLevel: 'STORE_MANAGER' | 'OPS_LEAD' | 'ADMIN';
  amountMinor: number;
  currency: string;
  reason: string | null;
  canDecide: boolean;
  escalatedAt: string | null;
  subjectNow?: { version: number; summary: string; fields: Record<string, FieldValue> } | null;
  diff?: { field: string; before: FieldValue; after: FieldValue }[];
  refusal?: string | null;
}

export const approvalStatusChoices = [
  { id: 'PENDING', name: 'omni.approval.status.PENDING' },
  { id: 'APPROVED', name: 'omni.approval.status.APPROVED' },
  { id: 'REJECTED', name: 'omni.approval.status.REJECTED' },
  { id: 'SUPERSEDED', name: 'omni.approval.status.SUPERSEDED' },
  { id: 'WITHDRAWN', name: 'omni.approval.status.WITHDRAWN' },
];

export const approverLevelChoices = [
  { id: 'STORE_MANAGER', name: 'omni.approval.level.STORE_MANAGER' },
  { id: 'OPS_LEAD', name: 'omni.approval.level.OPS_LEAD' },
  { id: 'ADMIN', name: 'omni.approval.level.ADMIN' },
];
