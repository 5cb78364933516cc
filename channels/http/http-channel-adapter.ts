import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import {
  type CallOptions,
  type ChannelAdapter,
  type ChannelHealth,
  type ListingSnapshot,
  type ListOrdersInput,
  type ListOrdersResult,
  type PushPricesInput,
  type PushResult,
  type PushStockInput,
  type ReadBackInput,
  type ReadBackResult,
  type RefundInput,
  type RefundResult,
  type RowResult,
  type SetListingOpenInput,
  type UpdateOrderStatusInput,
  type UpdateOrderStatusResult,
  type UpdateReturnStatusInput,
  type UpdateReturnStatusResult,
  type WriteCallOptions,
} from '../channel-adapter';
import { ChannelRejectedError, ChannelUnavailableError } from '../channel-errors';
import {
  batchResultSchema,
  jobAcceptedSchema,
  jobStateSchema,
  orderStatusSchema,
  channelReturnSchema,
  readBackSchema,
  refundSchema,
  type WireJobState,
  type WireRowResult,
} from '../wire-format';
import { orderListingPageSchema } from '../order-listing';
import { batchIdempotencyKey, splitIntoBatches } from './batching';
import { mapInFlight } from './in-flight';
import { type HttpChannelProfile } from './channel-profile';
import { type ChannelHttpClient } from './channel-http-client';

const batchAnswerSchema = z.union([batchResultSchema, jobAcceptedSchema]);
const healthSchema = z.object({ status: z.string() });

type SubmittedBatch = { offset: number; results: WireRowResult[] } | { offset: number; jobId: string };

/**
 * Requests one call of ours (a push of many batches, a read-back of many pages) keeps in flight at once.
 * The rate limiter paces each of them; in flight together, a round trip no longer adds to the wait for the
 * next token, so a channel with a 100 ms token interval and a 150 ms round trip runs at its limit.
 */
const REQUESTS_IN_FLIGHT = 4;
/**
 * ChannelAdapter over the sandbox's REST dialect (channels/wire-format.ts). Large pushes are split
 * into the channel's batch size, each batch with an idempotency key derived from the caller's; async
 * channels get every batch submitted first and the jobs polled afterwards, so the channel works on
 * them while we wait.
 */
export class HttpChannelAdapter implements ChannelAdapter {
  constructor(
    private readonly profile: HttpChannelProfile,
    private readonly http: ChannelHttpClient,
  ) {}

  get channelCode(): string {
    return this.profile.code;
  }

  pushPrices(input: PushPricesInput): Promise<PushResult> {
    return this.pushRows('/prices/batch', input.rows, input);
  }

  pushStock(input: PushStockInput): Promise<PushResult> {
    return this.pushRows('/stock/batch', input.rows, input);
  }

  setListingOpen(input: SetListingOpenInput): Promise<PushResult> {
    return this.pushRows('/listings/status/batch', input.rows, input);
  }

  async readBack(input: ReadBackInput): Promise<ReadBackResult> {
    const skus = [...new Set(input.skus)];
    const shown = new Map<string, ListingSnapshot>();
    const answers = await mapInFlight(splitIntoBatches(skus, this.profile.readBackPageSize), REQUESTS_IN_FLIGHT, (page) =>
      this.http.send({
        method: 'GET',
        path: `/listings?skus=${page.rows.map(encodeURIComponent).join(',')}`,
        cost: 1,
        schema: readBackSchema,
        signal: input.signal,
      }),
    );
    for (const { body } of answers) {
      for (const listing of body.listings)
        shown.set(listing.sku, {
          sku: listing.sku,
          listed: true,
          price: listing.price,
          currency: listing.currency,
          stock: listing.stock,
          open: listing.open,
        });
    }
    return {
      listings: input.skus.map((sku) => shown.get(sku) ?? { sku, listed: false, price: null, currency: null, stock: null, open: false }),
    };
  }

  async refund(input: RefundInput): Promise<RefundResult> {
    const { body } = await this.http.send({
      method: 'POST',
      path: `/orders/${encodeURIComponent(input.externalOrderId)}/refunds`,
      body: { amount: input.amount, currency: input.currency, reason: input.reason },
      idempotencyKey: input.idempotencyKey,
      cost: 1,
      schema: refundSchema,
      signal: input.signal,
    });
    return { refundId: body.refundId, externalOrderId: body.externalOrderId, amount: body.amount, currency: body.currency };
  }

  async updateOrderStatus(input: UpdateOrderStatusInput): Promise<UpdateOrderStatusResult> {
    const { body } = await this.http.send({
      method: 'PUT',
      path: `/orders/${encodeURIComponent(input.externalOrderId)}/status`,
      body: { status: input.status },
      idempotencyKey: input.idempotencyKey,
      cost: 1,
      schema: orderStatusSchema,
      signal: input.signal,
    });
    return body;
  }

  async updateReturnStatus(input: UpdateReturnStatusInput): Promise<UpdateReturnStatusResult> {
    const { body } = await this.http.send({
      method: 'PUT',
      path: `/orders/${encodeURIComponent(input.externalOrderId)}/returns/${encodeURIComponent(input.returnRef)}`,
      body: { status: input.status, lines: input.lines, refundedAmount: input.refundedAmount, currency: input.currency },
      idempotencyKey: input.idempotencyKey,
      cost: 1,
      schema: channelReturnSchema,
      signal: input.signal,
    });
    return { externalOrderId: body.externalOrderId, returnRef: body.returnRef, status: body.status };
  }

  async listOrders(input: ListOrdersInput): Promise<ListOrdersResult> {
    const query = new URLSearchParams({ createdFrom: input.createdFrom.toISOString(), createdTo: input.createdTo.toISOString() });
    if (input.cursor != null) query.set('cursor', input.cursor);
    if (input.limit !== undefined) query.set('limit', String(input.limit));
    const { body } = await this.http.send({
      method: 'GET',
      path: `/orders?${query.toString()}`,
      cost: 1,
      schema: orderListingPageSchema,
      signal: input.signal,
    });
    return { orders: body.orders, nextCursor: body.nextCursor };
  }

  async health(input: CallOptions = {}): Promise<ChannelHealth> {
    const startedAt = Date.now();
    try {
      await this.http.send({ method: 'GET', path: '/health', cost: 1, schema: healthSchema, signal: input.signal, retry: false });
      return { healthy: true, latencyMs: Date.now() - startedAt, detail: null };
    } catch (error) {
      if (input.signal?.aborted) throw error;
      return { healthy: false, latencyMs: Date.now() - startedAt, detail: error instanceof Error ? error.message : String(error) };
    }
  }

  private async pushRows(path: string, rows: readonly object[], options: WriteCallOptions): Promise<PushResult> {
    const batches = splitIntoBatches(rows, this.profile.maxBatchSize);
    const submitted = await mapInFlight(batches, REQUESTS_IN_FLIGHT, async (batch, index): Promise<SubmittedBatch> => {
      const { body } = await this.http.send({
        method: 'POST',
        path,
        body: { rows: batch.rows },
        idempotencyKey: batchIdempotencyKey(options.idempotencyKey, index, batches.length),
        cost: this.profile.rateLimit.perItem ? batch.rows.length : 1,
        schema: batchAnswerSchema,
        signal: options.signal,
      });
      return 'jobId' in body ? { offset: batch.offset, jobId: body.jobId } : { offset: batch.offset, results: body.results };
    });
    const results: RowResult[] = [];
    for (const batch of submitted) {
      const batchResults = 'jobId' in batch ? await this.awaitJob(batch.jobId, options.signal) : batch.results;
      for (const result of batchResults) results.push({ ...result, index: result.index + batch.offset });
    }
    const failed = results.filter((result) => !result.ok).length;
    return { results, succeeded: results.length - failed, failed };
  }

  private async awaitJob(jobId: string, signal: AbortSignal | undefined): Promise<WireRowResult[]> {
    const { jobPollIntervalMs, jobMaxWaitMs } = this.profile.timeouts;
    const deadline = Date.now() + jobMaxWaitMs;
    for (;;) {
      const job = await this.pollJob(jobId, signal);
      if (job.status === 'SUCCEEDED') return job.results ?? [];
      if (Date.now() + jobPollIntervalMs > deadline) {
        throw new ChannelUnavailableError(this.profile.code, `job ${jobId} still ${job.status} after ${jobMaxWaitMs} ms`, 1);
      }
      await sleep(jobPollIntervalMs, undefined, { signal });
    }
  }

  private async pollJob(jobId: string, signal: AbortSignal | undefined): Promise<WireJobState> {
    try {
      const { body } = await this.http.send({
        method: 'GET',
        path: `/jobs/${encodeURIComponent(jobId)}`,
        cost: 1,
        schema: jobStateSchema,
        signal,
      });
      return body;
    } catch (error) {
      // A channel that forgot the job (restart) needs the batch again: resubmitting is safe, so say "retry".
      if (error instanceof ChannelRejectedError && error.httpStatus === 404) {
        throw new ChannelUnavailableError(this.profile.code, `job ${jobId} is unknown to the channel; submit the push again`, 1, {
          cause: error,
        });
      }
      throw error;
    }
  }
}
