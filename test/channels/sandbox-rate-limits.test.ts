import { type DemoChannel, demoChannels } from '../../channels/catalog';
import { startTestSandbox, type TestSandbox } from './support/test-sandbox';

/** A channel that refills one token every 10 s, so counting what a burst lets through is exact even on a busy machine. */
const slowChannel: DemoChannel = {
  code: 'slowmart',
  name: 'Slow test channel',
  kind: 'MARKETPLACE',
  rateLimit: { perSecond: 0.1, burst: 5, perItem: false },
  maxBatchSize: 10,
  asyncJobs: false,
  safetyBuffer: 0,
  webhookSecret: 'test-secret',
};
/** One token every 2 s: a spent bucket stays spent while the test makes its next call, even on a busy machine. */
const refillChannel: DemoChannel = { ...slowChannel, code: 'refillmart', rateLimit: { perSecond: 0.5, burst: 5, perItem: false } };
/** The same slow refill on a channel that charges every batch row, like quickbuy does. */
const slowPerItemChannel: DemoChannel = {
  ...slowChannel,
  code: 'slowbuy',
  rateLimit: { perSecond: 0.1, burst: 100, perItem: true },
  maxBatchSize: 50,
};

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox({ channels: [...demoChannels, slowChannel, refillChannel, slowPerItemChannel] });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

describe('channel sandbox rate limits (token bucket per channel)', () => {
  it('answers 429 with Retry-After once a channel burst is spent', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, () => sandbox.call('slowmart', '/listings?skus=A-1')));
    const refused = answers.filter((answer) => answer.status === 429);
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(5);
    expect(refused).toHaveLength(7);
    // One token per 10 s: the channel asks for (nearly) the full 10 s.
    for (const answer of refused) expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(9);
    expect(refused[0]?.body).toMatchObject({ error: 'RATE_LIMITED' });
    expect(await sandbox.log({ channel: 'slowmart', kind: 'rate_limited' })).toHaveLength(7);
  });

  it('refills the bucket over time, so waiting Retry-After gets through', async () => {
    await Promise.all(Array.from({ length: 5 }, () => sandbox.call('refillmart', '/listings?skus=A-1')));
    const refused = await sandbox.call('refillmart', '/listings?skus=A-1');
    expect(refused.status).toBe(429);
    const retryAfterSeconds = Number(refused.headers.get('retry-after'));
    expect(retryAfterSeconds).toBeGreaterThanOrEqual(1);
    await new Promise((resolve) => setTimeout(resolve, retryAfterSeconds * 1000));
    expect((await sandbox.call('refillmart', '/listings?skus=A-1')).status).toBe(200);
  });

  it('counts every batch row as a request on per-item channels', async () => {
    // Burst 100, one token per 10 s: two 50-row batches spend it, the third is refused, however slow the machine.
    const batch = (n: number) => ({ rows: Array.from({ length: 50 }, (_, i) => ({ sku: `Q-${n}-${i}`, quantity: 1 })) });
    const statuses: number[] = [];
    for (let n = 0; n < 3; n += 1)
      statuses.push((await sandbox.call('slowbuy', '/stock/batch', { method: 'POST', body: batch(n) })).status);
    expect(statuses).toEqual([200, 200, 429]);
    // A channel counting requests instead of rows lets the same three batches (of its 10-row maximum) through.
    const small = (n: number) => ({ rows: batch(n).rows.slice(0, 10) });
    for (let n = 0; n < 3; n += 1)
      expect((await sandbox.call('slowmart', '/stock/batch', { method: 'POST', body: small(n) })).status).toBe(200);
  });

  it('limits each channel on its own', async () => {
    await Promise.all(Array.from({ length: 25 }, () => sandbox.call('megamart', '/listings?skus=A-1')));
    expect((await sandbox.call('web', '/listings?skus=A-1')).status).toBe(200);
  });
});
