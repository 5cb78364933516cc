import { displayedRunStatus } from './run-status';

describe('displayedRunStatus', () => {
  it('calls a pickup that ended by cancellation or expiry what it is, not Completed', () => {
    expect(displayedRunStatus({ status: 'COMPLETED', currentStep: 'CANCELLED' })).toBe('CANCELLED');
    expect(displayedRunStatus({ status: 'COMPLETED', currentStep: 'EXPIRED' })).toBe('EXPIRED');
  });

  it("keeps Temporal's status otherwise", () => {
    expect(displayedRunStatus({ status: 'COMPLETED', currentStep: 'COLLECTED' })).toBe('COMPLETED');
    expect(displayedRunStatus({ status: 'RUNNING', currentStep: 'CANCELLING' })).toBe('RUNNING');
    expect(displayedRunStatus({ status: 'FAILED', currentStep: null })).toBe('FAILED');
  });
});
