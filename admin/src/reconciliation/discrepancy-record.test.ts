import { type Permissions } from '../auth/permissions';
import {
  approvalBlockedBecause,
  bulkFilterOf,
  correctionOf,
  isEditableCorrection,
  minorFromTyped,
  priceInColumnOf,
  reviewTabOf,
} from './discrepancy-record';

const admin = (userId: string): Permissions => ({ userId, role: 'ADMIN', storeId: null, isStoreManager: false });

describe('discrepancy review rules', () => {
  test('four eyes: the first approver cannot approve again; another admin can', () => {
    const awaiting = { status: 'AWAITING_SECOND_APPROVAL' as const, firstApprovedBy: { id: 'ada', email: 'ada@x' }, class: 'STOCK_DRIFT' };
    expect(approvalBlockedBecause(admin('ada'), awaiting)).toBe('first_approver');
    expect(approvalBlockedBecause(admin('bob'), awaiting)).toBeNull();
    expect(approvalBlockedBecause({ ...admin('ops'), role: 'OPS_LEAD' }, awaiting)).toBeNull();
    expect(approvalBlockedBecause({ ...admin('clerk'), role: 'STORE_STAFF' }, awaiting)).toBe('not_reviewer');
    expect(approvalBlockedBecause(admin('bob'), { ...awaiting, status: 'APPLIED' })).toBe('decided');
    expect(approvalBlockedBecause(admin('bob'), { ...awaiting, status: 'PENDING', class: 'DOUBLE_SALE' })).toBe('order_decision');
  });

  test('a price drift shows the expected price as System and the read-back as Channel, no journal', () => {
    const drift = { class: 'PRICE_DRIFT', priceInSystemMinor: 1000, priceOnChannelMinor: 1500 };
    expect(priceInColumnOf(drift, 'systemQty')).toEqual({ kind: 'expected', minor: 1000 });
    expect(priceInColumnOf(drift, 'channelQty')).toEqual({ kind: 'shown', minor: 1500 });
    expect(priceInColumnOf(drift, 'journalQty')).toEqual({ kind: 'none', minor: null });
    expect(priceInColumnOf({ ...drift, class: 'STOCK_DRIFT' }, 'systemQty')).toBeNull();
  });

  test('only a pending stock drift can be edited; the edit is the correction shown', () => {
    expect(isEditableCorrection({ class: 'STOCK_DRIFT', status: 'PENDING' })).toBe(true);
    expect(isEditableCorrection({ class: 'OFFLINE_SALE', status: 'PENDING' })).toBe(false);
    expect(isEditableCorrection({ class: 'STOCK_DRIFT', status: 'AWAITING_SECOND_APPROVAL' })).toBe(false);
    expect(correctionOf({ proposedDelta: -3, correctedDelta: null })).toBe(-3);
    expect(correctionOf({ proposedDelta: -3, correctedDelta: -2 })).toBe(-2);
  });

  test('bulk approval takes the list filters, needs an outage and refuses a lower value bound', () => {
    expect(bulkFilterOf({ class: 'STOCK_DRIFT' }, undefined)).toEqual({ problem: 'no_outage' });
    expect(bulkFilterOf({ outageId: 'o1', minValueMinor: 100 }, undefined)).toEqual({ problem: 'min_value' });
    expect(bulkFilterOf({ outageId: 'o1', class: 'STOCK_DRIFT', storeId: '', sku: ' APP-1 ', status: 'PENDING' }, 5000)).toEqual({
      filter: { outageId: 'o1', class: 'STOCK_DRIFT', sku: 'APP-1', maxValueMinor: 5000 },
    });
  });

  test('money typed in main units becomes minor units of the currency', () => {
    expect(minorFromTyped('12,50', 2)).toBe(1250);
    expect(minorFromTyped('12.5', 2)).toBe(1250);
    expect(minorFromTyped('150 000', 2)).toBe(15_000_000);
    expect(minorFromTyped('7', 0)).toBe(7);
    expect(minorFromTyped('1.2345', 3)).toBeNull();
    expect(minorFromTyped('-1', 2)).toBeNull();
    expect(minorFromTyped('abc', 2)).toBeNull();
  });

  test('the tabs are the status filters, whatever their order in the URL', () => {
    expect(reviewTabOf(['AWAITING_SECOND_APPROVAL', 'PENDING'])).toBe('open');
    expect(reviewTabOf('AWAITING_SECOND_APPROVAL')).toBe('second');
    expect(reviewTabOf(['APPLIED', 'APPROVED', 'REJECTED'])).toBe('decided');
    expect(reviewTabOf(undefined)).toBe('all');
    expect(reviewTabOf('PENDING')).toBeNull();
  });
});
