import { arrivedSince, titleWithCount } from './new-task-alert';

describe('the new-task alert', () => {
  it('puts the open-task count in the tab title, capped, and nothing when there is none', () => {
    expect(titleWithCount('Omnichannel Ops', 0)).toBe('Omnichannel Ops');
    expect(titleWithCount('Omnichannel Ops', 3)).toBe('(3) Omnichannel Ops');
    expect(titleWithCount('Omnichannel Ops', 250)).toBe('(99+) Omnichannel Ops');
  });

  it('chimes only for a rise after the first poll', () => {
    expect(arrivedSince(undefined, 5)).toBe(false);
    expect(arrivedSince(5, 5)).toBe(false);
    expect(arrivedSince(5, 4)).toBe(false);
    expect(arrivedSince(4, 5)).toBe(true);
  });
});
