import { z } from 'zod';
import { storeFilterFor, throwIfStoreIsNotAccessible } from '../../domain/auth/store-access';
import { InvalidDataError, NotFoundError } from '../../domain/errors';
import { type Prisma } from '../../prisma/client';
import { changedFields, recordAudit } from '../../db/audit/record-audit';
import { type ApiRouter } from '../http/api-router';
import { toPrismaOrderBy } from '../lists/list-query';
import { pageFor } from '../lists/pagination';
import { sendPage } from '../lists/send-page';
import { idParamsSchema } from '../openapi/common-schemas';
import { type ResourceRouteDeps } from './route-deps';
import { storeListQuerySchema, storeSchema, updateStoreBodySchema } from './stores.validators';

/** What an ops lead may change: the pickup settings and what customers' messages say about the store. */
const editableStoreKeys = [
  'address',
  'openingHours',
  'pickSlaMinutes',
  'pickEscalationMinutes',
  'pickupReminderMinutes',
  'pickupExpiryHours',
  'unfulfillablePolicy',
] as const;

/** A reminder after the order has expired would never be sent; refuse the combination up front. */
function throwIfRemindersOutliveExpiry(settings: { pickupReminderMinutes: number[]; pickupExpiryHours: number }): void {
  const expiryMinutes = settings.pickupExpiryHours * 60;
  if (settings.pickupReminderMinutes.some((minutes) => minutes >= expiryMinutes)) {
    throw new InvalidDataError('Reminders must come before the pickup expires', {
      pickupReminderMinutes: `every reminder must be under ${expiryMinutes} minutes (the pickup expiry)`,
    });
  }
}

export function registerStoreRoutes(api: ApiRouter, { prisma, pageLimits }: ResourceRouteDeps): void {
  api.route({
    method: 'get',
    path: '/api/stores',
    summary: 'List stores (store staff: their own store only)',
    tags: ['stores'],
    access: 'authenticated',
    request: { query: storeListQuerySchema },
    response: { description: 'A page of stores', schema: z.array(storeSchema), isList: true },
    handle: ({ query, actor, res }) => {
      const { filter } = query;
      const storeIds = storeFilterFor(actor, filter.id);
      const where: Prisma.StoreWhereInput = {
        ...(storeIds !== undefined && { id: { in: [...storeIds] } }),
        ...(filter.active !== undefined && { active: filter.active }),
        ...(filter.q !== undefined && {
          OR: (['code', 'name', 'city'] as const).map((field) => ({ [field]: { contains: filter.q, mode: 'insensitive' as const } })),
        }),
      };
      const page = pageFor(query.range, pageLimits);
      return sendPage(res, 'stores', page, {
        rows: prisma.store.findMany({ where, orderBy: toPrismaOrderBy(query.sort), skip: page.skip, take: page.take }),
        total: prisma.store.count({ where }),
      });
    },
  });

  api.route({
    method: 'get',
    path: '/api/stores/:id',
    summary: 'One store',
    tags: ['stores'],
    access: 'authenticated',
    request: { params: idParamsSchema },
    response: { description: 'The store', schema: storeSchema },
    otherResponses: [{ status: 404, description: 'No store with this id' }],
    handle: async ({ params, actor }) => {
      throwIfStoreIsNotAccessible(actor, params.id);
      const store = await prisma.store.findUnique({ where: { id: params.id } });
      if (store === null) throw new NotFoundError('Store not found');
      return store;
    },
  });

  api.route({
    method: 'put',
    path: '/api/stores/:id',
    summary: 'Change a store’s pickup settings',
    description:
      'Audited with the changed fields before and after. Fields not sent keep their values; a body that changes nothing writes nothing (no audit event).',
    tags: ['stores'],
    access: ['ADMIN', 'OPS_LEAD'],
    request: { params: idParamsSchema, body: updateStoreBodySchema },
    response: { description: 'The updated store', schema: storeSchema },
    otherResponses: [{ status: 404, description: 'No store with this id' }],
    handle: ({ params, body, actor, requestId }) =>
      prisma.$transaction(async (tx) => {
        // Lock the row so two concurrent edits are audited against the state each one really replaced.
        const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM stores WHERE id = ${params.id}::uuid FOR UPDATE`;
        if (locked.length === 0) throw new NotFoundError('Store not found');
        const before = await tx.store.findUniqueOrThrow({ where: { id: params.id } });
        throwIfRemindersOutliveExpiry({
          pickupReminderMinutes: body.pickupReminderMinutes ?? before.pickupReminderMinutes,
          pickupExpiryHours: body.pickupExpiryHours ?? before.pickupExpiryHours,
        });
        // A change that changes nothing (an empty body, only unknown fields, the values it already has) writes nothing, not even audit.
        const changes = changedFields(before, { ...before, ...body }, editableStoreKeys);
        if (Object.keys(changes.after).length === 0) return before;
        const after = await tx.store.update({ where: { id: params.id }, data: body });
        await recordAudit(tx, { actor, action: 'store.update', entityType: 'Store', entityId: after.id, ...changes, requestId });
        return after;
      }),
  });
}
