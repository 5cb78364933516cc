import {
  throwIfDeltaContradictsKind,
  throwIfDeltaIsZero,
  throwIfQuantityNotPositive,
  throwIfQuantityTooLarge,
  throwIfTooManyLines,
} from './guards';
import { mergeLinesInLockOrder } from './lock-order';
import { type InventorySettings } from './settings';
import { type PlannedStockChange, type StockDeltaLine } from './stock-change';
import {
  type StockAdjustmentRequest,
  type StockConsumptionRequest,
  type StockQuantityChangeRequest,
  type StockReleaseRequest,
  type StockReservationRequest,
} from './stock-requests';

/**
 * Turns a validated request into the deltas the database applies. What each operation means:
 * - reserve: promise units to an order (reserved up; on hand stays, the goods are still on the shelf);
 * - release: take a promise back (reserved down), e.g. an order cancelled or a pickup expired;
 * - consume: the goods leave the store at hand-over (on hand and reserved both down);
 * - adjust: goods in or out without an order (on hand by a signed delta), never below what is reserved.
 */

type QuantityLine = StockQuantityChangeRequest['lines'][number];

export function planReservation(request: StockReservationRequest, settings: InventorySettings): PlannedStockChange {
  return planQuantityChange('RESERVE', request, settings, (quantity) => ({ deltaOnHand: 0, deltaReserved: quantity }));
}

export function planRelease(request: StockReleaseRequest, settings: InventorySettings): PlannedStockChange {
  return planQuantityChange('RELEASE', request, settings, (quantity) => ({ deltaOnHand: 0, deltaReserved: -quantity }));
}

export function planConsumption(request: StockConsumptionRequest, settings: InventorySettings): PlannedStockChange {
  return planQuantityChange('CONSUME', request, settings, (quantity) => ({ deltaOnHand: -quantity, deltaReserved: -quantity }));
}

export function planAdjustment(request: StockAdjustmentRequest, settings: InventorySettings): PlannedStockChange {
  const lines = mergeLinesInLockOrder(request.lines, (a, b) => ({ sku: a.sku, delta: a.delta + b.delta }));
  throwIfTooManyLines(lines, settings.maxLinesPerChange);
  for (const line of lines) {
    throwIfDeltaIsZero(line);
    throwIfQuantityTooLarge({ sku: line.sku, quantity: line.delta });
    throwIfDeltaContradictsKind(request.kind, line);
  }
  return {
    ...changeContext(request),
    kind: request.kind,
    lines: lines.map((line) => ({ sku: line.sku, deltaOnHand: line.delta, deltaReserved: 0 })),
  };
}

function planQuantityChange(
  kind: 'RESERVE' | 'RELEASE' | 'CONSUME',
  request: StockQuantityChangeRequest,
  settings: InventorySettings,
  deltasOf: (quantity: number) => Omit<StockDeltaLine, 'sku'>,
): PlannedStockChange {
  const lines = mergeLinesInLockOrder<QuantityLine>(request.lines, (a, b) => ({ sku: a.sku, quantity: a.quantity + b.quantity }));
  throwIfTooManyLines(lines, settings.maxLinesPerChange);
  for (const line of lines) {
    throwIfQuantityNotPositive(line);
    throwIfQuantityTooLarge(line);
  }
  return { ...changeContext(request), kind, lines: lines.map((line) => ({ sku: line.sku, ...deltasOf(line.quantity) })) };
}

function changeContext(request: StockQuantityChangeRequest | StockAdjustmentRequest): Omit<PlannedStockChange, 'kind' | 'lines'> {
  return {
    storeCode: request.storeCode,
    businessKey: request.businessKey,
    actor: request.actor,
    workflowId: request.workflowId,
    reason: request.reason,
  };
}
