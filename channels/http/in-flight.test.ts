import { setTimeout as sleep } from 'node:timers/promises';
import { mapInFlight } from './in-flight';

describe('mapInFlight', () => {
  it('keeps at most the limit in flight and puts each result at its index', async () => {
    let inFlight = 0;
    let most = 0;
    const results = await mapInFlight([30, 5, 20, 1, 10, 2], 3, async (delayMs, index) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await sleep(delayMs);
      inFlight -= 1;
      return `${index}:${delayMs}`;
    });
    expect(results).toEqual(['0:30', '1:5', '2:20', '3:1', '4:10', '5:2']);
    expect(most).toBe(3);
  });

  it('starts nothing after a failure, lets the calls in flight finish, then throws the first error', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const run = mapInFlight([0, 1, 2, 3, 4, 5], 2, async (item) => {
      started.push(item);
      await sleep(item === 0 ? 5 : 20);
      if (item === 0) throw new Error('batch 0 refused');
      finished.push(item);
      return item;
    });
    await expect(run).rejects.toThrow('batch 0 refused');
    expect(started).toEqual([0, 1]);
    expect(finished).toEqual([1]);
  });

  it('answers an empty list at once', async () => {
    expect(await mapInFlight([], 4, () => Promise.reject(new Error('never called')))).toEqual([]);
  });
});
