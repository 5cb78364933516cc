import { promotionCancellation } from './promotion-cancel';

describe('promotionCancellation', () => {
  it('cancels what nobody approved yet directly, the rest through the run, and refuses what is over', () => {
    expect(promotionCancellation('DRAFT')).toEqual({ kind: 'DIRECT' });
    expect(promotionCancellation('PENDING_APPROVAL')).toEqual({ kind: 'DIRECT' });
    for (const status of ['APPROVED', 'SCHEDULED', 'ACTIVE']) expect(promotionCancellation(status)).toEqual({ kind: 'THROUGH_RUN' });
    for (const status of ['ENDED', 'CANCELLED', 'FAILED', 'REJECTED', 'ROLLING_BACK'])
      expect(promotionCancellation(status)).toMatchObject({ kind: 'REFUSED', message: expect.stringMatching(/\w/) as unknown });
  });
});
