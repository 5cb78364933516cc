import { ConflictError, ForbiddenError, InvalidDataError } from '../errors';
import { type DiscrepancyClass } from './reconciliation-rules';

/**
 * What a reviewer may decide about one discrepancy of an outage's reconciliation, and what it becomes
 * (docs/outages.md, "Review"). Pure: the API locks the row, asks these rules and writes the answer.
 */
export type DiscrepancyStatus = 'PENDING' | 'AUTO_FIXED' | 'APPROVED' | 'REJECTED' | 'AWAITING_SECOND_APPROVAL' | 'APPLIED';

export type DiscrepancyDecision =
  | { decision: 'APPROVE'; correctedDelta?: number; reason?: string }
  | { decision: 'REJECT'; reason?: string }
  | { decision: 'FULFIL_FROM_STORE'; storeId: string }
  | { decision: 'CANCEL_AND_REFUND'; reason: string };

export interface DecidableDiscrepancy {
  class: DiscrepancyClass;
  status: DiscrepancyStatus;
  storeId: string | null;
  /** The correction the diff proposed (units on hand). */
  delta: number;
  correctedDelta: number | null;
  requiresFourEyes: boolean;
  firstApprovedBy: string | null;
  /** Value of one unit of the correction, for the four-eyes value of an edited correction. */
  unitValueMinor: number;
  valueMinor: number;
}

export interface DecisionOutcome {
  status: 'APPROVED' | 'REJECTED' | 'AWAITING_SECOND_APPROVAL';
  decision: DiscrepancyDecision['decision'];
  correctedDelta: number | null;
  valueMinor: number;
  requiresFourEyes: boolean;
  /** Set when this decision is the first of two approvals. */
  firstApproval: boolean;
}

/** Double sales are decided for their order (another store, or cancel and refund), never approved as a stock change. */
export const orderDecisionClasses: readonly DiscrepancyClass[] = ['DOUBLE_SALE'];

export function isOpenForDecision(status: DiscrepancyStatus): boolean {
  return status === 'PENDING' || status === 'AWAITING_SECOND_APPROVAL';
}

export function effectiveDelta(d: Pick<DecidableDiscrepancy, 'delta' | 'correctedDelta'>): number {
  return d.correctedDelta ?? d.delta;
}

function throwIfDecided(d: DecidableDiscrepancy): void {
  if (!isOpenForDecision(d.status)) throw new ConflictError(`This discrepancy is already ${d.status.toLowerCase().replaceAll('_', ' ')}`);
}

function orderDecision(d: DecidableDiscrepancy, request: DiscrepancyDecision): DecisionOutcome {
  if (request.decision !== 'FULFIL_FROM_STORE' && request.decision !== 'CANCEL_AND_REFUND')
    throw new InvalidDataError('A double sale is decided for its order: FULFIL_FROM_STORE or CANCEL_AND_REFUND', {
      decision: 'must be FULFIL_FROM_STORE or CANCEL_AND_REFUND',
    });
  if (request.decision === 'FULFIL_FROM_STORE' && request.storeId === d.storeId)
    throw new InvalidDataError('Choose another store than the one that sold the unit twice', { storeId: 'must be another store' });
  return {
    status: 'APPROVED',
    decision: request.decision,
    correctedDelta: null,
    valueMinor: d.valueMinor,
    requiresFourEyes: false,
    firstApproval: false,
  };
}

/**
 * One decision by `deciderId`:
 * - APPROVE: at or below the four-eyes value it is APPROVED; above it the first approval makes it
 *   AWAITING_SECOND_APPROVAL and only a different person's approval makes it APPROVED (the same person: 403).
 *   `correctedDelta` edits a stock correction (its value is recomputed, and with it the four-eyes need); a
 *   second approval confirms the first one's correction and may not change it (409: reject and redo instead).
 * - REJECT: at either stage, by anyone allowed to review (the first approver may withdraw).
 * - FULFIL_FROM_STORE / CANCEL_AND_REFUND: only for double sales, which take nothing else.
 */
export function decideDiscrepancy(
  d: DecidableDiscrepancy,
  request: DiscrepancyDecision,
  deciderId: string,
  fourEyesAboveMinor: number,
): DecisionOutcome {
  throwIfDecided(d);
  if (orderDecisionClasses.includes(d.class)) return orderDecision(d, request);
  if (request.decision === 'FULFIL_FROM_STORE' || request.decision === 'CANCEL_AND_REFUND')
    throw new InvalidDataError(`${request.decision} is only for double sales`, { decision: 'must be APPROVE or REJECT' });
  if (request.decision === 'REJECT')
    return {
      status: 'REJECTED',
      decision: 'REJECT',
      correctedDelta: d.correctedDelta,
      valueMinor: d.valueMinor,
      requiresFourEyes: d.requiresFourEyes,
      firstApproval: false,
    };

  const edited = request.correctedDelta;
  if (edited !== undefined && d.class !== 'STOCK_DRIFT')
    throw new InvalidDataError('Only a stock correction can be edited', { correctedDelta: 'only for STOCK_DRIFT' });
  if (d.status === 'AWAITING_SECOND_APPROVAL') {
    if (d.firstApprovedBy === deciderId) throw new ForbiddenError('The second approval must come from another person');
    if (edited !== undefined && edited !== effectiveDelta(d))
      throw new ConflictError('A second approval confirms the first one; reject it to change the correction');
    return {
      status: 'APPROVED',
      decision: 'APPROVE',
      correctedDelta: d.correctedDelta,
      valueMinor: d.valueMinor,
      requiresFourEyes: true,
      firstApproval: false,
    };
  }
  const correctedDelta = edited !== undefined && edited !== d.delta ? edited : d.correctedDelta;
  const valueMinor = edited === undefined ? d.valueMinor : Math.abs(edited) * d.unitValueMinor;
  const requiresFourEyes = d.requiresFourEyes || valueMinor > fourEyesAboveMinor;
  return requiresFourEyes
    ? { status: 'AWAITING_SECOND_APPROVAL', decision: 'APPROVE', correctedDelta, valueMinor, requiresFourEyes, firstApproval: true }
    : { status: 'APPROVED', decision: 'APPROVE', correctedDelta, valueMinor, requiresFourEyes, firstApproval: false };
}
