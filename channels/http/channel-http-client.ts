import { setTimeout as sleep } from 'node:timers/promises';
import { type z } from 'zod';
import { ChannelRateLimitedError, ChannelRejectedError, ChannelUnavailableError } from '../channel-errors';
import { errorBodySchema } from '../wire-format';
import { fullJitterDelay, parseRetryAfter } from './backoff';
import { type HttpChannelProfile } from './channel-profile';
import { ClientRateLimiter, type SharedRateBucket } from './client-rate-limiter';

export interface ChannelRequest<T> {
  method: 'GET' | 'POST' | 'PUT';
  /** Path under the profile's baseUrl, starting with "/". */
  path: string;
  body?: unknown;
  idempotencyKey?: string;
  /** Tokens this request costs on the channel's bucket (rows, for per-item channels). */
  cost: number;
  schema: z.ZodType<T>;
  signal?: AbortSignal;
  /** Health probes want the truth now, not after a retry budget. */
  retry?: boolean;
}

export interface ChannelResponse<T> {
  status: number;
  body: T;
}

export interface RetryEvent {
  channelCode: string;
  method: string;
  path: string;
  attempt: number;
  delayMs: number;
  reason: string;
}

/** One attempt's result as the channel gave it: its status, or `network_error` when no answer came. */
export interface AnswerEvent {
  channelCode: string;
  method: string;
  status: number | 'network_error';
  /** Rate-limit tokens the attempt cost (rows, for per-item channels). */
  cost: number;
}

/** One HTTP attempt about to be sent (after its rate-limit token was granted). */
export interface AttemptEvent {
  channelCode: string;
  method: string;
  path: string;
  attempt: number;
}

export interface ChannelHttpHooks {
  /** Called before every attempt, e.g. to heartbeat a Temporal activity with what it is doing. */
  onAttempt?(event: AttemptEvent): void;
  /** Called before every backoff sleep, e.g. to heartbeat a Temporal activity or log. */
  onRetry?(event: RetryEvent): void;
  /** Called after every attempt, e.g. to count pushes and 429s per channel (worker metrics). */
  onAnswer?(event: AnswerEvent): void;
}

/** Why one attempt did not succeed, when trying again may help. */
type TransientFailure =
  { kind: 'rate-limited'; retryAfterMs: number | null; reason: string } | { kind: 'unavailable'; reason: string; cause?: unknown };

type AttemptOutcome<T> = { ok: true; response: ChannelResponse<T> } | { ok: false; failure: TransientFailure };

/** Statuses that say "not now" rather than "no": server trouble, timeouts, an idempotent twin still running. */
function isTransientStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 409;
}

/**
 * One channel's HTTP transport: paces requests to the channel's rate limit, sends them with a timeout,
 * retries 429s after their Retry-After (and unavailability, 5xx, timeouts, refused or reset connections,
 * only as often as the profile's `unavailableAttempts`: by default once, Temporal owns those retries)
 * inside the profile's budget, and turns what is left into typed errors.
 */
export class ChannelHttpClient {
  private readonly limiter: ClientRateLimiter;

  /** `sharedBucket`: the channel's bucket across processes (workers); without it the pacing is per process. */
  constructor(
    private readonly profile: HttpChannelProfile,
    private readonly hooks: ChannelHttpHooks = {},
    sharedBucket?: SharedRateBucket,
  ) {
    this.limiter = new ClientRateLimiter(profile.rateLimit, profile.rateLimitShare, sharedBucket);
  }

  async send<T>(request: ChannelRequest<T>): Promise<ChannelResponse<T>> {
    const { retry } = this.profile;
    // One owner of retries per failure kind (docs/channel-sandbox.md, "Who retries what"): 429s are retried
    // here, after their Retry-After; unavailability is retried by Temporal, so by default it gets one attempt.
    const attemptsFor = (failure: TransientFailure) =>
      request.retry === false ? 1 : failure.kind === 'rate-limited' ? retry.rateLimitedAttempts : retry.unavailableAttempts;
    const startedAt = Date.now();
    for (let attempt = 1; ; attempt += 1) {
      await this.limiter.acquire(request.cost, request.signal);
      this.hooks.onAttempt?.({ channelCode: this.profile.code, method: request.method, path: request.path, attempt });
      const outcome = await this.attempt(request);
      if (outcome.ok) return outcome.response;

      const { failure } = outcome;
      const retryAfterMs = failure.kind === 'rate-limited' ? failure.retryAfterMs : null;
      if (retryAfterMs !== null) this.limiter.pauseFor(retryAfterMs);
      // The channel's Retry-After is a floor, not a hint: waiting less only earns another 429.
      const delayMs = retryAfterMs ?? fullJitterDelay(attempt, retry);
      const elapsedMs = Date.now() - startedAt;
      if (attempt >= attemptsFor(failure) || elapsedMs + delayMs > retry.maxElapsedMs)
        throw this.giveUp(request, failure, attempt, elapsedMs);

      this.hooks.onRetry?.({
        channelCode: this.profile.code,
        method: request.method,
        path: request.path,
        attempt,
        delayMs,
        reason: failure.reason,
      });
      await sleep(delayMs, undefined, { signal: request.signal });
    }
  }

  private async attempt<T>(request: ChannelRequest<T>): Promise<AttemptOutcome<T>> {
    const headers: Record<string, string> = { Authorization: `Bearer ${this.profile.apiKey}`, Accept: 'application/json' };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    if (request.idempotencyKey !== undefined) headers['Idempotency-Key'] = request.idempotencyKey;
    const timeout = AbortSignal.timeout(this.profile.timeouts.requestMs);

    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.profile.baseUrl}${request.path}`, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: request.signal ? AbortSignal.any([request.signal, timeout]) : timeout,
      });
      text = await response.text();
    } catch (error) {
      // The caller's own cancellation is not a channel failure: let it through untouched.
      if (request.signal?.aborted) throw error;
      this.hooks.onAnswer?.({ channelCode: this.profile.code, method: request.method, status: 'network_error', cost: request.cost });
      const reason = timeout.aborted
        ? `no answer within ${this.profile.timeouts.requestMs} ms`
        : `connection failed (${describeNetworkError(error)})`;
      return { ok: false, failure: { kind: 'unavailable', reason, cause: error } };
    }

    this.hooks.onAnswer?.({ channelCode: this.profile.code, method: request.method, status: response.status, cost: request.cost });
    if (response.ok) return { ok: true, response: { status: response.status, body: this.parseBody(request, response.status, text) } };
    const channelError = parseErrorBody(text);
    const reason = `HTTP ${response.status}${channelError ? ` ${channelError.error}: ${channelError.message}` : ''}`;
    if (response.status === 429) {
      return { ok: false, failure: { kind: 'rate-limited', retryAfterMs: parseRetryAfter(response.headers.get('retry-after')), reason } };
    }
    if (isTransientStatus(response.status)) return { ok: false, failure: { kind: 'unavailable', reason } };
    throw new ChannelRejectedError(
      this.profile.code,
      `${request.method} ${request.path} refused: ${reason}`,
      response.status,
      channelError?.error ?? null,
    );
  }

  private parseBody<T>(request: ChannelRequest<T>, status: number, text: string): T {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const parsed = request.schema.safeParse(json);
    if (parsed.success) return parsed.data;
    throw new ChannelRejectedError(
      this.profile.code,
      `${request.method} ${request.path} answered ${status} with a body this adapter does not understand`,
      status,
      'UNEXPECTED_RESPONSE',
    );
  }

  private giveUp(request: ChannelRequest<unknown>, failure: TransientFailure, attempts: number, elapsedMs: number): Error {
    const message = `${request.method} ${request.path} gave up after ${attempts} attempt(s) in ${elapsedMs} ms: ${failure.reason}`;
    if (failure.kind === 'rate-limited') return new ChannelRateLimitedError(this.profile.code, message, failure.retryAfterMs, attempts);
    return new ChannelUnavailableError(this.profile.code, message, attempts, { cause: failure.cause });
  }
}

function parseErrorBody(text: string): { error: string; message: string } | null {
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** undici hides the socket error in `cause` ("fetch failed" says nothing on its own). */
function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause: unknown = error.cause;
  if (cause instanceof Error) return 'code' in cause && typeof cause.code === 'string' ? `${cause.code}: ${cause.message}` : cause.message;
  return error.message;
}
