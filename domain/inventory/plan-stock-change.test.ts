import { InvalidDataError } from '../errors';
import { InsufficientStockError, StockInvariantError } from './errors';
import { throwIfStockChangeBreaksInvariants } from './guards';
import { movementKeys } from './movement-keys';
import { planAdjustment, planConsumption, planRelease, planReservation } from './plan-stock-change';
import { defaultInventorySettings } from './settings';
import { type StockQuantityChangeRequest } from './stock-requests';

const context = {
  storeCode: 'AMS-01',
  businessKey: 'reserve:order-1',
  actor: { userId: null, label: 'test' },
  workflowId: null,
  reason: 'test',
};
const request = (lines: StockQuantityChangeRequest['lines']): StockQuantityChangeRequest => ({ ...context, lines });

describe('planning stock changes', () => {
  it('merges lines per SKU and sorts them into lock order', () => {
    const plan = planReservation(
      request([
        { sku: 'B', quantity: 1 },
        { sku: 'A', quantity: 2 },
        { sku: 'B', quantity: 3 },
      ]),
      defaultInventorySettings,
    );

    expect(plan.lines).toEqual([
      { sku: 'A', deltaOnHand: 0, deltaReserved: 2 },
      { sku: 'B', deltaOnHand: 0, deltaReserved: 4 },
    ]);
  });

  it('turns release and hand-over into the right deltas', () => {
    expect(planRelease(request([{ sku: 'A', quantity: 2 }]), defaultInventorySettings).lines).toEqual([
      { sku: 'A', deltaOnHand: 0, deltaReserved: -2 },
    ]);
    expect(planConsumption(request([{ sku: 'A', quantity: 2 }]), defaultInventorySettings).lines).toEqual([
      { sku: 'A', deltaOnHand: -2, deltaReserved: -2 },
    ]);
  });

  it('refuses more SKUs than the configured limit', () => {
    const lines = Array.from({ length: 3 }, (_, index) => ({ sku: `S${index}`, quantity: 1 }));

    expect(() => planReservation(request(lines), { ...defaultInventorySettings, maxLinesPerChange: 2 })).toThrow(InvalidDataError);
  });

  it('refuses a receipt that takes away, a write-off that adds, and lines that cancel out', () => {
    const adjustment = (kind: 'RECEIVE' | 'WRITE_OFF' | 'ADJUST', deltas: number[]) =>
      planAdjustment({ ...context, kind, lines: deltas.map((delta) => ({ sku: 'A', delta })) }, defaultInventorySettings);

    expect(() => adjustment('RECEIVE', [-1])).toThrow(InvalidDataError);
    expect(() => adjustment('WRITE_OFF', [1])).toThrow(InvalidDataError);
    expect(() => adjustment('ADJUST', [2, -2])).toThrow(InvalidDataError);
    expect(adjustment('ADJUST', [2, -3]).lines).toEqual([{ sku: 'A', deltaOnHand: -1, deltaReserved: 0 }]);
  });
});

describe('stock invariants against current levels', () => {
  const levels = new Map([
    ['A', { onHand: 5, reserved: 4 }],
    ['B', { onHand: 2, reserved: 0 }],
  ]);

  it('names each short line of a reservation with what is available; unknown levels have nothing', () => {
    const plan = planReservation(
      request([
        { sku: 'A', quantity: 2 },
        { sku: 'B', quantity: 2 },
        { sku: 'C', quantity: 1 },
      ]),
      defaultInventorySettings,
    );

    const error = captureError(() => throwIfStockChangeBreaksInvariants(plan, levels));

    expect(error).toBeInstanceOf(InsufficientStockError);
    expect((error as InsufficientStockError).shortLines).toEqual([
      { sku: 'A', requested: 2, available: 1 },
      { sku: 'C', requested: 1, available: 0 },
    ]);
  });

  it('refuses to release more than is reserved', () => {
    const plan = planRelease(request([{ sku: 'B', quantity: 1 }]), defaultInventorySettings);

    expect(() => throwIfStockChangeBreaksInvariants(plan, levels)).toThrow(StockInvariantError);
  });

  it('lets a change that keeps every level valid through', () => {
    const plan = planConsumption(request([{ sku: 'A', quantity: 4 }]), defaultInventorySettings);

    expect(() => throwIfStockChangeBreaksInvariants(plan, levels)).not.toThrow();
  });
});

describe('ledger keys', () => {
  it('gives the first line the business key itself so any reuse of the key collides on one row', () => {
    const lines = [
      { sku: 'A', deltaOnHand: 0, deltaReserved: 1 },
      { sku: 'B', deltaOnHand: 0, deltaReserved: 1 },
    ];

    expect(movementKeys('reserve:order-1', lines)).toEqual(['reserve:order-1', 'reserve:order-1#B']);
  });
});

function captureError(action: () => void): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
