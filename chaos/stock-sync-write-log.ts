import { type SandboxEvent } from '../channels/sandbox/event-log';

/** What one kind of listing write (`stock:` or `listing:` keys) of the run did at the channel, from its idempotency log. */
export interface RunWrites {
  kind: 'stock' | 'listing';
  /** Keys the channel applied more than once: none is right (a retry must be replayed, not applied). */
  keysTwice: string[];
  /** Pages applied under more than one key (the `:attempt-<n>` fallback): the same batch twice with other content. */
  pagesTwice: string[];
  /** Rows applied under all of the run's keys, and how many are right (every SKU once; every changed state once). */
  rows: number;
  expectedRows: number;
}

/** `stock:<run>:<channel>:<page>[:repush][:attempt-<n>]` without the attempt: the page's business key. */
function pageKeyOf(key: string): string {
  return key.replace(/:attempt-\d+$/, '');
}

/**
 * What the channel's idempotency log (`idempotent_write` events) says one kind of write of run `syncRunId` did:
 * keys applied twice, pages applied under more than one key, rows in all against `expectedRows`.
 */
export function writesOf(events: SandboxEvent[], kind: RunWrites['kind'], syncRunId: string, expectedRows: number): RunWrites {
  const byKey = new Map<string, number[]>();
  for (const event of events) {
    const key = String(event.detail.key);
    if (!key.startsWith(`${kind}:${syncRunId}:`)) continue;
    byKey.set(key, [...(byKey.get(key) ?? []), Number(event.detail.rows)]);
  }
  const keysPerPage = new Map<string, number>();
  for (const key of byKey.keys()) keysPerPage.set(pageKeyOf(key), (keysPerPage.get(pageKeyOf(key)) ?? 0) + 1);
  return {
    kind,
    keysTwice: [...byKey].filter(([, rows]) => rows.length > 1).map(([key]) => key),
    pagesTwice: [...keysPerPage].filter(([, keys]) => keys > 1).map(([page]) => page),
    rows: [...byKey.values()].flat().reduce((sum, count) => sum + count, 0),
    expectedRows,
  };
}
