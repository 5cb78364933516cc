import { z } from 'zod';
import { NotFoundError } from '../../domain/errors';
import { type Prisma } from '../../prisma/client';
import { changedFields, recordAudit } from '../../db/audit/record-audit';
import { type ApiRouter } from '../http/api-router';
import { toPrismaOrderBy } from '../lists/list-query';
import { pageFor } from '../lists/pagination';
import { sendPage } from '../lists/send-page';
import { idParamsSchema } from '../openapi/common-schemas';
import { channelListQuerySchema, channelSchema, updateChannelBodySchema } from './channels.validators';
import { type ResourceRouteDeps } from './route-deps';

/** The webhook secret authenticates the channel to us; it is never sent to a browser. */
const hideSecrets = { webhookSecret: true } as const;

const editableKeys = [
  'status',
  'safetyBuffer',
  'closeListingAtOrBelow',
  'requestsPerSecond',
  'burst',
  'perItemCost',
  'maxBatchSize',
] as const;

export function registerChannelRoutes(api: ApiRouter, { prisma, pageLimits }: ResourceRouteDeps): void {
  api.route({
    method: 'get',
    path: '/api/channels',
    summary: 'List sales channels',
    tags: ['channels'],
    access: 'authenticated',
    request: { query: channelListQuerySchema },
    response: { description: 'A page of channels', schema: z.array(channelSchema), isList: true },
    handle: ({ query, res }) => {
      const { filter } = query;
      const where: Prisma.ChannelWhereInput = {
        ...(filter.id !== undefined && { id: { in: filter.id } }),
        ...(filter.kind !== undefined && { kind: filter.kind }),
        ...(filter.status !== undefined && { status: filter.status }),
        ...(filter.perItemCost !== undefined && { perItemCost: filter.perItemCost }),
        ...(filter.q !== undefined && {
          OR: [{ code: { contains: filter.q, mode: 'insensitive' } }, { name: { contains: filter.q, mode: 'insensitive' } }],
        }),
      };
      const page = pageFor(query.range, pageLimits);
      return sendPage(res, 'channels', page, {
        rows: prisma.channel.findMany({ where, omit: hideSecrets, orderBy: toPrismaOrderBy(query.sort), skip: page.skip, take: page.take }),
        total: prisma.channel.count({ where }),
      });
    },
  });

  api.route({
    method: 'get',
    path: '/api/channels/:id',
    summary: 'One sales channel',
    tags: ['channels'],
    access: 'authenticated',
    request: { params: idParamsSchema },
    response: { description: 'The channel', schema: channelSchema },
    otherResponses: [{ status: 404, description: 'No channel with this id' }],
    handle: async ({ params }) => {
      const channel = await prisma.channel.findUnique({ where: { id: params.id }, omit: hideSecrets });
      if (channel === null) throw new NotFoundError('Channel not found');
      return channel;
    },
  });

  api.route({
    method: 'put',
    path: '/api/channels/:id',
    summary: 'Change a channel’s status, safety buffer, listing threshold or rate-limit profile',
    description:
      'Admin only. Audited with the changed fields before and after. Fields not sent keep their values; a body that changes nothing writes nothing (no audit event).',
    tags: ['channels'],
    access: ['ADMIN'],
    request: { params: idParamsSchema, body: updateChannelBodySchema },
    response: { description: 'The updated channel', schema: channelSchema },
    otherResponses: [{ status: 404, description: 'No channel with this id' }],
    handle: ({ params, body, actor, requestId }) =>
      prisma.$transaction(async (tx) => {
        const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM channels WHERE id = ${params.id}::uuid FOR UPDATE`;
        if (locked.length === 0) throw new NotFoundError('Channel not found');
        const before = await tx.channel.findUniqueOrThrow({ where: { id: params.id }, omit: hideSecrets });
        // A change that changes nothing (an empty body, only unknown fields, the values it already has) writes nothing, not even audit.
        const changes = changedFields(before, { ...before, ...body }, editableKeys);
        if (Object.keys(changes.after).length === 0) return before;
        const after = await tx.channel.update({ where: { id: params.id }, data: body, omit: hideSecrets });
        await recordAudit(tx, { actor, action: 'channel.update', entityType: 'Channel', entityId: after.id, ...changes, requestId });
        return after;
      }),
  });
}
