import { ConflictError, ForbiddenError, InvalidDataError } from '../errors';
import { decideDiscrepancy, type DecidableDiscrepancy } from './discrepancy-decisions';

const drift: DecidableDiscrepancy = {
  class: 'STOCK_DRIFT',
  status: 'PENDING',
  storeId: 's1',
  delta: -4,
  correctedDelta: null,
  requiresFourEyes: false,
  firstApprovedBy: null,
  unitValueMinor: 1000,
  valueMinor: 4000,
};
const fourEyesAbove = 10_000;

describe('discrepancy decisions', () => {
  it('approves at or below the four-eyes value in one step', () => {
    expect(decideDiscrepancy(drift, { decision: 'APPROVE' }, 'u1', fourEyesAbove)).toMatchObject({
      status: 'APPROVED',
      firstApproval: false,
    });
  });

  it('needs two different people above it, and refuses the same one twice', () => {
    const big = { ...drift, delta: -30, valueMinor: 30_000, requiresFourEyes: true };
    const first = decideDiscrepancy(big, { decision: 'APPROVE' }, 'u1', fourEyesAbove);
    expect(first).toMatchObject({ status: 'AWAITING_SECOND_APPROVAL', firstApproval: true });
    const awaiting = { ...big, status: 'AWAITING_SECOND_APPROVAL' as const, firstApprovedBy: 'u1' };
    expect(() => decideDiscrepancy(awaiting, { decision: 'APPROVE' }, 'u1', fourEyesAbove)).toThrow(ForbiddenError);
    expect(decideDiscrepancy(awaiting, { decision: 'APPROVE' }, 'u2', fourEyesAbove)).toMatchObject({ status: 'APPROVED' });
    expect(() => decideDiscrepancy(awaiting, { decision: 'APPROVE', correctedDelta: -10 }, 'u2', fourEyesAbove)).toThrow(ConflictError);
    expect(decideDiscrepancy(awaiting, { decision: 'REJECT' }, 'u1', fourEyesAbove)).toMatchObject({ status: 'REJECTED' });
  });

  it('recomputes value and four-eyes when a reviewer edits the correction', () => {
    const edited = decideDiscrepancy(drift, { decision: 'APPROVE', correctedDelta: -12 }, 'u1', fourEyesAbove);
    expect(edited).toMatchObject({ status: 'AWAITING_SECOND_APPROVAL', correctedDelta: -12, valueMinor: 12_000 });
    expect(() =>
      decideDiscrepancy({ ...drift, class: 'PRICE_DRIFT' }, { decision: 'APPROVE', correctedDelta: 1 }, 'u1', fourEyesAbove),
    ).toThrow(InvalidDataError);
  });

  it('takes only order decisions for a double sale, at another store', () => {
    const double = { ...drift, class: 'DOUBLE_SALE' as const, delta: -1 };
    expect(() => decideDiscrepancy(double, { decision: 'APPROVE' }, 'u1', fourEyesAbove)).toThrow(InvalidDataError);
    expect(() => decideDiscrepancy(double, { decision: 'FULFIL_FROM_STORE', storeId: 's1' }, 'u1', fourEyesAbove)).toThrow(
      InvalidDataError,
    );
    expect(decideDiscrepancy(double, { decision: 'FULFIL_FROM_STORE', storeId: 's2' }, 'u1', fourEyesAbove)).toMatchObject({
      status: 'APPROVED',
      decision: 'FULFIL_FROM_STORE',
    });
    expect(() => decideDiscrepancy(drift, { decision: 'CANCEL_AND_REFUND', reason: 'x' }, 'u1', fourEyesAbove)).toThrow(InvalidDataError);
  });

  it('refuses a decided discrepancy', () => {
    expect(() => decideDiscrepancy({ ...drift, status: 'APPLIED' }, { decision: 'REJECT' }, 'u1', fourEyesAbove)).toThrow(ConflictError);
  });
});
