import { humanizeStep } from './step-label';

describe('humanizeStep', () => {
  it('reads an enum as words', () => {
    expect(humanizeStep('SHORT_PICK')).toBe('Short pick');
    expect(humanizeStep('AWAIT_COLLECTION')).toBe('Await collection');
    expect(humanizeStep('RESERVE')).toBe('Reserve');
  });
});
