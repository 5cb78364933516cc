import { Router, type Response } from 'express';
import { z } from 'zod';
import { skuSchema, type WireReadBack } from '../../wire-format';
import { jobView, settleDueJobs, submitJob } from '../async-jobs';
import { channelOf, sendError } from '../channel-request';
import { type ChannelWorld, type ListingWriteKind } from '../channel-world';
import { dropDecisionFor } from '../fault-injection';
import { applyListingWrites } from '../listing-writes';
import { type SandboxContext } from '../sandbox-context';

const batchBodySchema = z.object({ rows: z.array(z.unknown()).min(1) });
const skusQuerySchema = z.object({ skus: z.string().min(1) });

/**
 * Price, stock and listing-status writes (single and batch), read-back and async jobs of one channel.
 * Batch rows are validated one by one; the request itself is refused only when it is not a batch at
 * all or is larger than the channel's maxBatchSize.
 */
export function listingRoutes(context: SandboxContext): Router {
  const router = Router({ mergeParams: true });
  const settle = (world: ChannelWorld): void => {
    settleDueJobs(world, dropDecisionFor(context, world));
  };

  const writeBatch = (kind: ListingWriteKind) => (req: { body: unknown }, res: Response) => {
    const world = channelOf(res);
    const body = batchBodySchema.parse(req.body);
    if (body.rows.length > world.profile.maxBatchSize) {
      sendError(res, 413, 'BATCH_TOO_LARGE', `at most ${world.profile.maxBatchSize} rows per batch, got ${body.rows.length}`);
      return;
    }
    settle(world);
    if (world.profile.asyncJobs) {
      const job = submitJob(world, kind, body.rows, context.settings.asyncJobDelayMs);
      context.log.record('job.submitted', world.code, { jobId: job.jobId, kind, rows: body.rows.length });
      res.status(202).json({ jobId: job.jobId, status: jobView(job).status });
      return;
    }
    const results = applyListingWrites(world, kind, body.rows, dropDecisionFor(context, world));
    context.log.record('listings.written', world.code, { kind, rows: results.length, failed: results.filter((r) => !r.ok).length });
    res.json({ results });
  };

  const writeSingle = (kind: ListingWriteKind) => (req: { body: unknown; params: { sku?: string } }, res: Response) => {
    const world = channelOf(res);
    settle(world);
    const row = { ...(typeof req.body === 'object' && req.body !== null ? req.body : {}), sku: req.params.sku };
    const [result] = applyListingWrites(world, kind, [row], dropDecisionFor(context, world));
    if (result && !result.ok) {
      sendError(res, 422, result.error.code, result.error.message);
      return;
    }
    res.json({ sku: req.params.sku, ok: true });
  };

  router.post('/prices/batch', writeBatch('prices'));
  router.post('/stock/batch', writeBatch('stock'));
  router.post('/listings/status/batch', writeBatch('listing-status'));
  router.put('/listings/:sku/price', writeSingle('prices'));
  router.put('/listings/:sku/stock', writeSingle('stock'));
  router.put('/listings/:sku/status', writeSingle('listing-status'));

  router.get('/listings', (req, res) => {
    const world = channelOf(res);
    const skus = [
      ...new Set(
        skusQuerySchema
          .parse(req.query)
          .skus.split(',')
          .filter((sku) => sku !== ''),
      ),
    ];
    if (skus.length > context.settings.readBackMaxSkus) {
      sendError(res, 400, 'TOO_MANY_SKUS', `at most ${context.settings.readBackMaxSkus} SKUs per read-back`);
      return;
    }
    const invalid = skus.find((sku) => !skuSchema.safeParse(sku).success);
    if (invalid !== undefined) {
      sendError(res, 400, 'INVALID_SKU', `"${invalid}" is not a SKU`);
      return;
    }
    settle(world);
    const answer: WireReadBack = { listings: [], missing: [] };
    for (const sku of skus) {
      const listing = world.listings.get(sku);
      if (listing) answer.listings.push({ ...listing });
      else answer.missing.push(sku);
    }
    res.json(answer);
  });

  router.get('/jobs/:jobId', (req, res) => {
    const world = channelOf(res);
    settle(world);
    const job = world.jobs.get(req.params.jobId);
    if (!job) {
      sendError(res, 404, 'JOB_NOT_FOUND', `no job ${req.params.jobId} on this channel`);
      return;
    }
    res.json(jobView(job));
  });

  return router;
}
