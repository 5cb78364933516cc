import { randomUUID } from 'node:crypto';
import { type WireJobState } from '../wire-format';
import { type AsyncJob, type ChannelWorld, type ListingWriteKind } from './channel-world';
import { applyListingWrites, type DropDecision } from './listing-writes';

/** Rows waiting to be applied; kept off the job record so GET /_control stays small. */
const pendingRows = new WeakMap<AsyncJob, readonly unknown[]>();

/**
 * Feed-style writes: a batch is queued and applied once its processing delay has passed. Jobs are
 * settled lazily, in submission order, whenever anyone looks at the channel (poll, read-back, new
 * job), which behaves like a background processor without timers to leak or to race with tests.
 */
export function submitJob(
  world: ChannelWorld,
  kind: ListingWriteKind,
  rows: readonly unknown[],
  delayMs: number,
  now = Date.now(),
): AsyncJob {
  const job: AsyncJob = { jobId: `job_${randomUUID()}`, kind, submittedAt: now, readyAt: now + delayMs, results: null };
  world.jobs.set(job.jobId, job);
  pendingRows.set(job, rows);
  return job;
}

export function settleDueJobs(world: ChannelWorld, shouldDrop: DropDecision, now = Date.now()): AsyncJob[] {
  const due = [...world.jobs.values()].filter((job) => job.results === null && job.readyAt <= now).sort((a, b) => a.readyAt - b.readyAt);
  for (const job of due) {
    job.results = applyListingWrites(world, job.kind, pendingRows.get(job) ?? [], shouldDrop);
    pendingRows.delete(job);
  }
  return due;
}

export function jobView(job: AsyncJob, now = Date.now()): WireJobState {
  if (job.results !== null) return { jobId: job.jobId, kind: job.kind, status: 'SUCCEEDED', results: job.results };
  // The first half of the delay reads as queued, the second as running, as feed APIs report it.
  const halfway = job.submittedAt + (job.readyAt - job.submittedAt) / 2;
  return { jobId: job.jobId, kind: job.kind, status: now < halfway ? 'QUEUED' : 'RUNNING', results: null };
}
