/** Splits rows into batches no larger than the channel accepts, remembering where each batch starts. */
export function splitIntoBatches<T>(rows: readonly T[], maxBatchSize: number): { offset: number; rows: T[] }[] {
  const batches: { offset: number; rows: T[] }[] = [];
  for (let offset = 0; offset < rows.length; offset += maxBatchSize)
    batches.push({ offset, rows: rows.slice(offset, offset + maxBatchSize) });
  return batches;
}

/**
 * The idempotency key of one batch of a larger push, derived from the caller's business key. The same
 * push split the same way gets the same keys on every retry, so a batch the channel already took is
 * replayed, not applied again. A push that fits one batch keeps the caller's key unchanged.
 */
export function batchIdempotencyKey(businessKey: string, batchIndex: number, batchCount: number): string {
  return batchCount === 1 ? businessKey : `${businessKey}/batch-${batchIndex + 1}-of-${batchCount}`;
}
