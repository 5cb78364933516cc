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

/** What workflows/returns/handback-phase.ts puts in a RETURN_HANDBACK task: the same shape as the inspection's. */
export type HandbackPayload = InspectionPayload;

export const inspectionPayloadOf = (task: TaskRecord | undefined) => task?.payload as unknown as InspectionPayload | undefined;
export const manualRefundPayloadOf = (task: TaskRecord | undefined) => task?.payload as unknown as ManualRefundPayload | undefined;

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';
const isUnits = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value > 0;

/**
 * The hand-back task's payload, or undefined when it is not one (another type, or written by a run of an
 * older shape): the form then shows nothing rather than a hand-back of unknown items. Lines that are not
 * whole are left out for the same reason.
 */
export function handbackPayloadOf(task: Pick<TaskRecord, 'type' | 'payload'> | undefined): HandbackPayload | undefined {
  if (task?.type !== 'RETURN_HANDBACK') return undefined;
  const payload = task.payload as Record<string, unknown> | null;
  if (payload === null || typeof payload !== 'object' || !isText(payload.returnId) || !isText(payload.orderId)) return undefined;
  const lines = (Array.isArray(payload.lines) ? (payload.lines as unknown[]) : []).flatMap((line) => {
    const candidate = line as Record<string, unknown> | null;
    if (candidate === null || typeof candidate !== 'object') return [];
    const { returnLineId, sku, quantity } = candidate;
    return isText(returnLineId) && isText(sku) && isUnits(quantity) ? [{ returnLineId, sku, quantity }] : [];
  });
  if (lines.length === 0) return undefined;
  return { returnId: payload.returnId, orderId: payload.orderId, lines };
}
