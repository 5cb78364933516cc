import { type RaRecord } from 'react-admin';
import { type Permissions } from '../auth/permissions';

/** GET /api/stock-adjustments/:id (list rows are the same shape). */
export interface StockAdjustmentRecord extends RaRecord<string> {
  storeId: string;
  sku: string;
  delta: number;
  reason: string;
  valueMinor: number;
  currency: string;
  status: 'REQUESTED' | 'AWAITING_APPROVAL' | 'APPROVED' | 'APPLIED' | 'REJECTED';
  decisionReason: string | null;
  appliedAt: string | null;
}

export const stockAdjustmentStatusChoices = ['REQUESTED', 'AWAITING_APPROVAL', 'APPROVED', 'APPLIED', 'REJECTED'].map((id) => ({
  id,
  name: `omni.stock_adjustment.status.${id}`,
}));

/** Still moving: the workflow has not applied or closed it yet, so its page keeps reading it. */
export const isSettled = (record: Pick<StockAdjustmentRecord, 'status'> | undefined): boolean =>
  record?.status === 'APPLIED' || record?.status === 'REJECTED';

/** Mirrors the API (approverLevelOf): store managers of their own store, ops leads and admins. */
export const canAdjustStock = (permissions: Permissions | undefined, storeId?: string): boolean =>
  permissions?.role === 'ADMIN' ||
  permissions?.role === 'OPS_LEAD' ||
  (permissions?.role === 'STORE_STAFF' && permissions.isStoreManager && (storeId === undefined || permissions.storeId === storeId));
