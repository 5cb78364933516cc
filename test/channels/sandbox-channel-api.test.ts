import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { parseConfig } from '../../domain/config';
import { createSandboxApp, sandboxOptionsFromConfig } from '../../channels/sandbox/app';
import { devApiKeyFor } from '../../channels/sandbox/channel-auth';
import { sandboxConfigSchema } from '../../channels/sandbox/config';
import { listenSandbox } from '../../channels/sandbox/server';
import { restoreSnapshot, startSnapshotting } from '../../channels/sandbox/state-snapshot';
import { startTestSandbox, type TestSandbox } from './support/test-sandbox';

let sandbox: TestSandbox;
beforeAll(async () => {
  // Async jobs take 3 s here, so the first poll sees the job still queued even on a loaded machine (300 ms did not).
  sandbox = await startTestSandbox({ env: { SANDBOX_ASYNC_JOB_DELAY_MS: '3000' } });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

type ReadBack = { listings: { sku: string; price: number | null; stock: number | null; open: boolean }[]; missing: string[] };
const readBack = async (channel: string, skus: string[]): Promise<ReadBack> =>
  (await sandbox.call(channel, `/listings?skus=${skus.join(',')}`)).body as ReadBack;

describe('channel sandbox API', () => {
  it('applies a batch row by row: one bad row fails alone', async () => {
    const { status, body } = await sandbox.call('megamart', '/prices/batch', {
      method: 'POST',
      body: {
        rows: [
          { sku: 'OK-1', price: 1999, currency: 'EUR' },
          { sku: 'BAD-1', price: -5, currency: 'EUR' },
          { sku: 'USD-1', price: 100, currency: 'USD' },
          { sku: 'OK-2', price: 2999, currency: 'EUR' },
        ],
      },
    });
    expect(status).toBe(200);
    expect(body).toEqual({
      results: [
        { index: 0, sku: 'OK-1', ok: true },
        { index: 1, sku: 'BAD-1', ok: false, error: { code: 'INVALID_ROW', message: expect.stringContaining('price') as unknown } },
        { index: 2, sku: 'USD-1', ok: false, error: { code: 'CURRENCY_MISMATCH', message: expect.any(String) as unknown } },
        { index: 3, sku: 'OK-2', ok: true },
      ],
    });
    const shown = await readBack('megamart', ['OK-1', 'BAD-1', 'USD-1', 'OK-2']);
    expect(shown.listings.map((listing) => [listing.sku, listing.price])).toEqual([
      ['OK-1', 1999],
      ['OK-2', 2999],
    ]);
    expect(shown.missing).toEqual(['BAD-1', 'USD-1']);
  });

  it('refuses a batch above the channel maxBatchSize as a whole', async () => {
    const rows = Array.from({ length: 21 }, (_, i) => ({ sku: `C-${i}`, quantity: 1 }));
    const { status, body } = await sandbox.call('chatshop', '/stock/batch', { method: 'POST', body: { rows } });
    expect(status).toBe(413);
    expect(body).toMatchObject({ error: 'BATCH_TOO_LARGE' });
  });

  it('runs feed-style channels as async jobs: 202, poll, then results and applied state', async () => {
    const submitted = await sandbox.call('bazaar', '/stock/batch', {
      method: 'POST',
      body: {
        rows: [
          { sku: 'B-1', quantity: 7 },
          { sku: 'B-2', quantity: -1 },
        ],
      },
    });
    expect(submitted.status).toBe(202);
    const { jobId } = submitted.body as { jobId: string };
    expect((await sandbox.call('bazaar', `/jobs/${jobId}`)).body).toMatchObject({
      status: expect.stringMatching(/QUEUED|RUNNING/) as unknown,
      results: null,
    });
    expect((await readBack('bazaar', ['B-1'])).missing).toEqual(['B-1']);

    let done = await sandbox.call('bazaar', `/jobs/${jobId}`);
    // Polled well inside bazaar's rate limit (5 requests a second), as a client of a feed channel would.
    for (let polls = 0; (done.body as { status: string }).status !== 'SUCCEEDED' && polls < 40; polls += 1) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      done = await sandbox.call('bazaar', `/jobs/${jobId}`);
    }
    expect(done.body).toMatchObject({
      status: 'SUCCEEDED',
      results: [
        { sku: 'B-1', ok: true },
        { sku: 'B-2', ok: false },
      ],
    });
    expect((await readBack('bazaar', ['B-1'])).listings[0]).toMatchObject({ stock: 7, open: true });
  });

  it('opens and closes listings, and refuses to open one that does not exist', async () => {
    await sandbox.call('web', '/stock/batch', { method: 'POST', body: { rows: [{ sku: 'W-1', quantity: 3 }] } });
    const { body } = await sandbox.call('web', '/listings/status/batch', {
      method: 'POST',
      body: {
        rows: [
          { sku: 'W-1', open: false },
          { sku: 'NOPE', open: true },
        ],
      },
    });
    expect(body).toMatchObject({ results: [{ ok: true }, { ok: false, error: { code: 'LISTING_NOT_FOUND' } }] });
    expect((await readBack('web', ['W-1'])).listings[0]).toMatchObject({ stock: 3, open: false });
    expect((await sandbox.call('web', '/listings/W-1/status', { method: 'PUT', body: { open: true } })).status).toBe(200);
    expect((await readBack('web', ['W-1'])).listings[0]?.open).toBe(true);
  });

  it('asks for the API key', async () => {
    expect((await sandbox.call('web', '/listings?skus=A', { apiKey: null })).status).toBe(401);
    expect((await sandbox.call('web', '/listings?skus=A', { apiKey: 'sandbox-key-pos' })).status).toBe(401);
  });

  it('moves order status along allowed transitions only, and repeats are harmless', async () => {
    const placed = await sandbox.call('pos', '/orders', {
      method: 'POST',
      body: { customer: { name: 'Bo' }, pickupStoreCode: 'BER-01', lines: [{ sku: 'P-1', quantity: 1, unitPrice: 500 }] },
    });
    const id = (placed.body as { order: { externalId: string } }).order.externalId;
    const move = (status: string) => sandbox.call('pos', `/orders/${id}/status`, { method: 'PUT', body: { status } });
    expect((await move('READY_FOR_PICKUP')).status).toBe(200);
    expect((await move('READY_FOR_PICKUP')).status).toBe(200);
    expect((await move('SHIPPED')).body).toMatchObject({ error: 'INVALID_TRANSITION' });
    expect((await move('COLLECTED')).body).toEqual({ externalOrderId: id, status: 'COLLECTED' });
    expect((await sandbox.call('pos', '/orders/NOPE/status', { method: 'PUT', body: { status: 'COLLECTED' } })).status).toBe(404);
  });

  it('sells only what a listing shows, and takes it off the shown stock', async () => {
    await sandbox.call('web', '/stock/batch', { method: 'POST', body: { rows: [{ sku: 'S-1', quantity: 2 }] } });
    await sandbox.call('web', '/prices/batch', { method: 'POST', body: { rows: [{ sku: 'S-1', price: 1250, currency: 'EUR' }] } });
    const order = { customer: { name: 'Cy' }, pickupStoreCode: 'LIS-01', lines: [{ sku: 'S-1', quantity: 2 }] };
    const placed = await sandbox.call('web', '/orders', { method: 'POST', body: order });
    expect(placed.body).toMatchObject({ order: { totalAmount: 2500, status: 'PLACED' } });
    expect((await readBack('web', ['S-1'])).listings[0]?.stock).toBe(0);
    expect((await sandbox.call('web', '/orders', { method: 'POST', body: order })).body).toMatchObject({ error: 'OUT_OF_STOCK' });
  });

  it('drops the connection during a "refuse" outage and answers 503 in the other mode', async () => {
    await sandbox.setFaults('web', { outage: 'refuse' });
    await expect(sandbox.call('web', '/listings?skus=A')).rejects.toThrow('fetch failed');
    await sandbox.setFaults('web', { outage: '503' });
    expect((await sandbox.call('web', '/listings?skus=A')).status).toBe(503);
    expect((await sandbox.log({ channel: 'web', kind: 'fault.outage' })).map((event) => event.detail.mode)).toEqual(['refuse', '503']);
  });

  it('keeps listings and delivered messages across a restart when SANDBOX_STATE_FILE is set, and forgets them without it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sandbox-state-')), 'state.json');
    const options = sandboxOptionsFromConfig(parseConfig(sandboxConfigSchema, { LOG_LEVEL: 'silent' }), pino({ level: 'silent' }));
    const headers = { Authorization: `Bearer ${devApiKeyFor('web')}`, 'Content-Type': 'application/json' };
    const startSandbox = async (stateFile: string | null) => {
      const sandboxApp = createSandboxApp(options);
      if (stateFile !== null) restoreSnapshot(sandboxApp.context.worlds, stateFile, sandboxApp.context.gateway);
      const snapshots =
        stateFile === null ? null : startSnapshotting(sandboxApp.context.worlds, stateFile, 60_000, sandboxApp.context.gateway);
      const running = await listenSandbox(sandboxApp, { host: '127.0.0.1', port: 0 });
      return {
        url: running.url,
        stop: async () => {
          snapshots?.stop();
          await running.close();
        },
      };
    };
    const stockShown = async (url: string) =>
      ((await (await fetch(`${url}/channels/web/listings?skus=KEEP-1`, { headers })).json()) as ReadBack).listings[0]?.stock ?? null;

    // A customer's phone keeps its messages when the provider restarts, and a resend under the same key stays one message.
    const sendCode = (url: string) =>
      fetch(`${url}/gateway/messages`, {
        method: 'POST',
        headers: { Authorization: 'Bearer sandbox-key-gateway', 'Content-Type': 'application/json', 'Idempotency-Key': 'notify:code:1' },
        body: JSON.stringify({ channel: 'SMS', recipient: '+31612345678', text: 'Your code: 1234' }),
      });
    const phoneShows = async (url: string) =>
      ((await (await fetch(`${url}/_control/messages?recipient=%2B31612345678`)).json()) as { messages: { idempotencyKey: string }[] })
        .messages;

    const first = await startSandbox(file);
    await fetch(`${first.url}/channels/web/stock/batch`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ rows: [{ sku: 'KEEP-1', quantity: 4 }] }),
    });
    const sent = await sendCode(first.url);
    expect(sent.status).toBe(201);
    const firstMessage = (await sent.json()) as { messageId: string };
    await first.stop();

    const restored = await startSandbox(file);
    const forgetful = await startSandbox(null);
    expect(await stockShown(restored.url)).toBe(4);
    expect(await stockShown(forgetful.url)).toBeNull();
    expect((await phoneShows(restored.url)).map((message) => message.idempotencyKey)).toEqual(['notify:code:1']);
    const resent = await sendCode(restored.url);
    expect(resent.headers.get('idempotent-replayed')).toBe('true');
    expect(((await resent.json()) as { messageId: string }).messageId).toBe(firstMessage.messageId);
    expect(await phoneShows(restored.url)).toHaveLength(1);
    expect(await phoneShows(forgetful.url)).toEqual([]);
    await Promise.all([restored.stop(), forgetful.stop()]);
  });
});
