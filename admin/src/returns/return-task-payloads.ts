import { type TaskRecord } from '../tasks/task-record';

/** What workflows/returns/inspect-phase.ts puts in a RETURN_INSPECTION task. */
export interface InspectionPayload {
  returnId: string;
  orderId: string;
  lines: { returnLineId: string; sku: string; quantity: number }[];
}

/** What workflows/returns/refund-phase.ts puts in a MANUAL_REFUND task. */
export interface ManualRefundPayload {
  returnId: string;
  returnLineId: string;
  orderId: string;
  channelCode: string;
  amountMinor: number;
  currency: string;
  problem: string;
}

export const inspectionPayloadOf = (task: TaskRecord | undefined) => task?.payload as unknown as InspectionPayload | undefined;
export const manualRefundPayloadOf = (task: TaskRecord | undefined) => task?.payload as unknown as ManualRefundPayload | undefined;
