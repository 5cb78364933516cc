import { Router } from 'express';
import { z } from 'zod';
import { channelFaultsPatchSchema, noFaults } from '../channel-faults';
import { sendError } from '../channel-request';
import { type ChannelWorld } from '../channel-world';
import { type SandboxContext } from '../sandbox-context';

const seedBodySchema = z.object({ seed: z.number().int() });
const resetBodySchema = z.object({ seed: z.number().int().optional() }).default({});
const webhookPatchSchema = z
  .object({
    maxAttempts: z.number().int().min(1),
    backoffBaseMs: z.number().int().min(1),
    backoffMaxMs: z.number().int().min(1),
    timeoutMs: z.number().int().min(1),
    duplicateRate: z.number().min(0).max(1),
    reorderWindowMs: z.number().int().min(0),
  })
  .partial()
  .strict();
const messagesQuerySchema = z.object({
  recipient: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(200),
});
const recipientBodySchema = z.object({ recipient: z.string().min(1) });
const logQuerySchema = z.object({
  channel: z.string().optional(),
  kind: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(200),
});

function channelSummary(world: ChannelWorld) {
  return {
    code: world.code,
    faults: world.faults,
    rateLimit: world.profile.rateLimit,
    maxBatchSize: world.profile.maxBatchSize,
    asyncJobs: world.profile.asyncJobs,
    listings: world.listings.size,
    orders: world.orders.size,
    pendingJobs: [...world.jobs.values()].filter((job) => job.results === null).length,
  };
}

/**
 * The operator's handle on the outside world: switch faults, reseed the PRNG, tune webhook delivery,
 * reset everything, and read what happened. Unauthenticated on purpose (a local rehearsal tool): bind
 * the sandbox to 127.0.0.1, as the default SANDBOX_HOST does.
 */
export function controlRoutes(context: SandboxContext): Router {
  const router = Router();
  const worldOr404 = (code: string | undefined) => (code === undefined ? undefined : context.worlds.get(code));

  router.get('/', (_req, res) => {
    res.json({
      seed: context.seed,
      webhooks: context.webhooks.settings,
      gateway: { faults: context.gateway.faults },
      payments: { faults: context.payments.faults, payments: context.payments.payments.size },
      channels: [...context.worlds.values()].map(channelSummary),
    });
  });

  router.put('/gateway/faults', (req, res) => {
    context.gateway.faults = { ...context.gateway.faults, ...channelFaultsPatchSchema.parse(req.body) };
    context.log.record('control.faults', context.gateway.code, { faults: context.gateway.faults });
    res.json(context.gateway.faults);
  });

  router.delete('/gateway/faults', (_req, res) => {
    context.gateway.faults = { ...noFaults };
    context.log.record('control.faults', context.gateway.code, { faults: context.gateway.faults });
    res.json(context.gateway.faults);
  });

  /** Makes the gateway refuse a recipient from now on, as a provider refuses a landline or an opted-out number. */
  router.post('/gateway/unreachable-recipients', (req, res) => {
    const { recipient } = recipientBodySchema.parse(req.body);
    context.gateway.unreachableRecipients.add(recipient);
    context.log.record('control.unreachable_recipient', context.gateway.code, { recipient });
    res.status(201).json({ recipients: [...context.gateway.unreachableRecipients] });
  });

  /** What the gateway delivered, newest last: what a customer's phone or mailbox shows. */
  router.get('/messages', (req, res) => {
    res.json({ messages: context.gateway.delivered(messagesQuerySchema.parse(req.query)) });
  });

  router.put('/channels/:code/faults', (req, res) => {
    const world = worldOr404(req.params.code);
    if (!world) {
      sendError(res, 404, 'CHANNEL_NOT_FOUND', `no channel "${req.params.code}"`);
      return;
    }
    world.faults = { ...world.faults, ...channelFaultsPatchSchema.parse(req.body) };
    context.log.record('control.faults', world.code, { faults: world.faults });
    res.json(world.faults);
  });

  router.delete('/channels/:code/faults', (req, res) => {
    const world = worldOr404(req.params.code);
    if (!world) {
      sendError(res, 404, 'CHANNEL_NOT_FOUND', `no channel "${req.params.code}"`);
      return;
    }
    world.faults = { ...noFaults };
    context.log.record('control.faults', world.code, { faults: world.faults });
    res.json(world.faults);
  });

  router.get('/channels/:code/listings', (req, res) => {
    const world = worldOr404(req.params.code);
    if (!world) {
      sendError(res, 404, 'CHANNEL_NOT_FOUND', `no channel "${req.params.code}"`);
      return;
    }
    res.json({ listings: [...world.listings.values()] });
  });

  router.put('/seed', (req, res) => {
    const { seed } = seedBodySchema.parse(req.body);
    context.seed = seed;
    context.random.reseed(seed);
    context.log.record('control.seed', null, { seed });
    res.json({ seed });
  });

  router.put('/webhooks', (req, res) => {
    context.webhooks.settings = { ...context.webhooks.settings, ...webhookPatchSchema.parse(req.body) };
    context.log.record('control.webhooks', null, { settings: context.webhooks.settings });
    res.json(context.webhooks.settings);
  });

  router.get('/webhooks', (_req, res) => {
    res.json({ deliveries: context.webhooks.list() });
  });

  router.post('/webhooks/:eventId/redeliver', (req, res) => {
    if (!context.webhooks.redeliver(req.params.eventId)) {
      sendError(res, 404, 'EVENT_NOT_FOUND', `no webhook event ${req.params.eventId}`);
      return;
    }
    res.status(202).json({ eventId: req.params.eventId, status: 'pending' });
  });

  router.post('/reset', (req, res) => {
    const { seed } = resetBodySchema.parse(req.body ?? {});
    if (seed !== undefined) context.seed = seed;
    for (const world of context.worlds.values()) world.reset();
    context.gateway.reset();
    context.payments.reset();
    context.idempotency.clear();
    context.webhooks.reset();
    context.log.clear();
    context.random.reseed(context.seed);
    context.log.record('control.reset', null, { seed: context.seed });
    res.json({ seed: context.seed });
  });

  router.get('/log', (req, res) => {
    res.json({ events: context.log.recent(logQuerySchema.parse(req.query)) });
  });

  return router;
}
