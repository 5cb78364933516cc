import { createHash } from 'node:crypto';

export interface StoredAnswer {
  status: number;
  body: unknown;
}

type Entry =
  | { state: 'in-flight'; fingerprint: string; expiresAt: number }
  | { state: 'done'; fingerprint: string; expiresAt: number; answer: StoredAnswer };

export type IdempotencyLookup =
  { outcome: 'new' } | { outcome: 'replay'; answer: StoredAnswer } | { outcome: 'in-flight' } | { outcome: 'mismatch' };

/**
 * Idempotency keys per channel, the way payment and marketplace APIs keep them: the first final answer
 * for a key is stored with a fingerprint of the request, replayed for the same request and refused for
 * a different one. Keys expire after the configured TTL.
 */
export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly ttlMs: number) {}

  static fingerprint(method: string, path: string, rawBody: Buffer | undefined): string {
    return createHash('sha256')
      .update(`${method} ${path}\n`)
      .update(rawBody ?? Buffer.alloc(0))
      .digest('hex');
  }

  begin(scopedKey: string, fingerprint: string, now = Date.now()): IdempotencyLookup {
    const entry = this.entries.get(scopedKey);
    if (entry && entry.expiresAt > now) {
      if (entry.fingerprint !== fingerprint) return { outcome: 'mismatch' };
      return entry.state === 'done' ? { outcome: 'replay', answer: entry.answer } : { outcome: 'in-flight' };
    }
    this.entries.set(scopedKey, { state: 'in-flight', fingerprint, expiresAt: now + this.ttlMs });
    if (this.entries.size % 1000 === 0) this.evictExpired(now);
    return { outcome: 'new' };
  }

  complete(scopedKey: string, answer: StoredAnswer): void {
    const entry = this.entries.get(scopedKey);
    if (entry) this.entries.set(scopedKey, { state: 'done', fingerprint: entry.fingerprint, expiresAt: entry.expiresAt, answer });
  }

  /** The request ended without a final answer (5xx, 429, dropped connection): the key may be retried. */
  abandon(scopedKey: string): void {
    if (this.entries.get(scopedKey)?.state === 'in-flight') this.entries.delete(scopedKey);
  }

  clear(): void {
    this.entries.clear();
  }

  private evictExpired(now: number): void {
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}
