import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { type IntakeStormConfig } from './config';
import { type StormProduct } from './storm-catalogue';

export interface StormEndpoints {
  apiUrl: string;
  sandboxUrl: string;
  /** Bearer token of a head-office user (the web store's service account). */
  webToken: string;
}

/** One answer our API gave the web store (every try of every web order). */
export interface WebAnswer {
  status: number;
  ms: number;
}

export interface StormLoad {
  channelOrders: { channel: string; externalId: string }[];
  channelPlacementFailures: string[];
  cancels: { channel: string; externalId: string; status: number }[];
  webAnswers: WebAnswer[];
  /** Web orders the API finally accepted (2xx), and those still refused after every retry. */
  webAccepted: string[];
  webRefused: string[];
  sendSeconds: number;
}

type Job =
  | { kind: 'channel'; at: number; channel: string; index: number; cancelAfterMs: number | null }
  | { kind: 'web'; at: number; index: number }
  | { kind: 'cancel'; at: number; channel: string; externalId: string };

async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', ...headers },
  });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started, retryAfter: Number(response.headers.get('retry-after') ?? '1') };
}

/**
 * Issue 8's storm: BENCH_STORM_CHANNEL_ORDERS orders placed by shoppers on the sandbox's channels (which
 * send their webhooks at least once, duplicated and reordered) and BENCH_STORM_WEB_ORDERS through
 * POST /api/orders, all for one SKU, spread evenly over BENCH_STORM_SECONDS with at most
 * BENCH_STORM_CONCURRENCY senders at once, and BENCH_STORM_CANCELS of the channel orders cancelled by
 * their customer right after placing, racing the workflow start. A web order answered 503 is retried after
 * its Retry-After, as a checkout would.
 */
export async function sendStorm(config: IntakeStormConfig, endpoints: StormEndpoints, product: StormProduct): Promise<StormLoad> {
  const total = config.BENCH_STORM_CHANNEL_ORDERS + config.BENCH_STORM_WEB_ORDERS;
  const spacingMs = (config.BENCH_STORM_SECONDS * 1000) / Math.max(1, total);
  const webEvery = config.BENCH_STORM_WEB_ORDERS === 0 ? Infinity : total / config.BENCH_STORM_WEB_ORDERS;
  const cancelEvery = config.BENCH_STORM_CANCELS === 0 ? Infinity : config.BENCH_STORM_CHANNEL_ORDERS / config.BENCH_STORM_CANCELS;
  const jobs: Job[] = [];
  let channelIndex = 0;
  let webIndex = 0;
  for (let slot = 0; slot < total; slot += 1) {
    const at = slot * spacingMs;
    const web =
      webIndex < config.BENCH_STORM_WEB_ORDERS &&
      (channelIndex >= config.BENCH_STORM_CHANNEL_ORDERS || slot >= (webIndex + 0.5) * webEvery);
    if (web) {
      jobs.push({ kind: 'web', at, index: webIndex });
      webIndex += 1;
    } else {
      const cancels = Math.floor(channelIndex % cancelEvery) === 0 && Math.floor(channelIndex / cancelEvery) < config.BENCH_STORM_CANCELS;
      jobs.push({
        kind: 'channel',
        at,
        index: channelIndex,
        channel: config.BENCH_STORM_CHANNELS[channelIndex % config.BENCH_STORM_CHANNELS.length] ?? 'megamart',
        cancelAfterMs: cancels ? Math.floor(Math.random() * config.BENCH_STORM_CANCEL_DELAY_MS) : null,
      });
      channelIndex += 1;
    }
  }

  const load: StormLoad = {
    channelOrders: [],
    channelPlacementFailures: [],
    cancels: [],
    webAnswers: [],
    webAccepted: [],
    webRefused: [],
    sendSeconds: 0,
  };
  const run = `${Date.now().toString(36)}`;
  const customer = (index: number) => ({
    name: `Storm Shopper ${index}`,
    // One in ten shoppers orders twice, on different channels: customer matching runs under the storm too.
    email: `storm-${run}-${index % 10 === 0 ? 'regular' : index}@storm.example`,
  });

  const runJob = async (job: Job): Promise<void> => {
    if (job.kind === 'cancel') {
      const answer = await postJson(`${endpoints.sandboxUrl}/channels/${job.channel}/orders/${job.externalId}/customer-cancel`, {});
      load.cancels.push({ channel: job.channel, externalId: job.externalId, status: answer.status });
      return;
    }
    if (job.kind === 'channel') {
      const answer = await postJson(`${endpoints.sandboxUrl}/channels/${job.channel}/orders`, {
        customer: { ...customer(job.index), phone: null },
        fulfilment: 'PICKUP',
        pickupStoreCode: config.BENCH_STORM_STORE,
        lines: [{ sku: product.sku, quantity: 1, unitPrice: product.unitPriceMinor }],
      });
      if (answer.status !== 201) {
        load.channelPlacementFailures.push(`${job.channel}: ${answer.status} ${answer.text.slice(0, 120)}`);
        return;
      }
      const { order } = JSON.parse(answer.text) as { order: { externalId: string } };
      load.channelOrders.push({ channel: job.channel, externalId: order.externalId });
      if (job.cancelAfterMs !== null)
        queue.push({
          kind: 'cancel',
          at: performance.now() - started + job.cancelAfterMs,
          channel: job.channel,
          externalId: order.externalId,
        });
      return;
    }
    const externalId = `STORM-${run}-${job.index}-${randomUUID().slice(0, 4)}`;
    const body = {
      externalId,
      customer: customer(config.BENCH_STORM_CHANNEL_ORDERS + job.index),
      fulfilmentType: 'PICKUP',
      pickupStoreCode: config.BENCH_STORM_STORE,
      lines: [{ sku: product.sku, quantity: 1 }],
    };
    for (let attempt = 0; attempt <= config.BENCH_STORM_WEB_RETRIES; attempt += 1) {
      const answer = await postJson(`${endpoints.apiUrl}/api/orders`, body, { Authorization: `Bearer ${endpoints.webToken}` });
      load.webAnswers.push({ status: answer.status, ms: answer.ms });
      if (answer.status === 200 || answer.status === 201) {
        load.webAccepted.push(externalId);
        return;
      }
      if (answer.status !== 503) break;
      await sleep(answer.retryAfter * 1000);
    }
    load.webRefused.push(externalId);
  };

  // Jobs in time order; cancels join the queue as their orders are placed.
  const queue: Job[] = [...jobs];
  const started = performance.now();
  let inFlight = 0;
  const running = new Set<Promise<void>>();
  while (queue.length > 0 || running.size > 0) {
    queue.sort((a, b) => a.at - b.at);
    const next = queue[0];
    if (next === undefined || inFlight >= config.BENCH_STORM_CONCURRENCY) {
      await Promise.race(running);
      continue;
    }
    const wait = next.at - (performance.now() - started);
    if (wait > 0 && running.size > 0) {
      await Promise.race([sleep(wait), ...running]);
      continue;
    }
    if (wait > 0) await sleep(wait);
    queue.shift();
    inFlight += 1;
    const job = runJob(next)
      .catch((error: unknown) => {
        load.channelPlacementFailures.push(`${next.kind}: ${String(error)}`);
      })
      .finally(() => {
        inFlight -= 1;
        running.delete(job);
      });
    running.add(job);
  }
  load.sendSeconds = (performance.now() - started) / 1000;
  return load;
}
