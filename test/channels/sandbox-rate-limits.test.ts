import { type DemoChannel, demoChannels } from '../../channels/catalog';
import { startTestSandbox, type TestSandbox } from './support/test-sandbox';

/** A channel that refills one token every 10 s, so counting what a burst lets through is exact even on a busy machine. */
const slowChannel: DemoChannel = { code: 'slowmart', name: 'Slow test channel', kind: 'MARKETPLACE', rateLimit: { perSecond: 0.1, burst: 5, perItem: false }, maxBatchSize: 10, asyncJobs: false, safetyBuffer: 0, webhookSecret: 'test-secret' };

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox({ channels: [...demoChannels, slowChannel] });
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
    await Promise.all(Array.from({ length: 21 }, () => sandbox.call('megamart', '/listings?skus=A-1')));
    const refused = await sandbox.call('megamart', '/listings?skus=A-1');
    expect(refused.status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, Number(refused.headers.get('retry-after')) * 1000));
    expect((await sandbox.call('megamart', '/listings?skus=A-1')).status).toBe(200);
  });

  it('counts every batch row as a request on per-item channels', async () => {
    // quickbuy: 200/s, burst 400, perItem. Eight 50-row batches spend the burst; the ninth is refused
    // (unless the eight took 250 ms: 1 ms per batch here).
    const batch = (n: number) => ({ rows: Array.from({ length: 50 }, (_, i) => ({ sku: `Q-${n}-${i}`, quantity: 1 })) });
    const statuses: number[] = [];
    for (let n = 0; n < 9; n += 1) statuses.push((await sandbox.call('quickbuy', '/stock/batch', { method: 'POST', body: batch(n) })).status);
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(200));
    expect(statuses[8]).toBe(429);
  });

  it('limits each channel on its own', async () => {
    await Promise.all(Array.from({ length: 25 }, () => sandbox.call('megamart', '/listings?skus=A-1')));
    expect((await sandbox.call('web', '/listings?skus=A-1')).status).toBe(200);
  });
});
