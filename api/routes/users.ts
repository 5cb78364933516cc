import { z } from 'zod';
import { NotFoundError } from '../../domain/errors';
import { type Prisma } from '../../prisma/client';
import { type ApiRouter } from '../http/api-router';
import { toPrismaOrderBy } from '../lists/list-query';
import { pageFor } from '../lists/pagination';
import { sendPage } from '../lists/send-page';
import { idParamsSchema } from '../openapi/common-schemas';
import { type ResourceRouteDeps } from './route-deps';
import { userListQuerySchema, userNameSchema, userSchema } from './users.validators';

const hidePasswordHash = { passwordHash: true } as const;

export function registerUserRoutes(api: ApiRouter, { prisma, pageLimits }: ResourceRouteDeps): void {
  api.route({
    method: 'get',
    path: '/api/users',
    summary: 'List users (admin only)',
    tags: ['users'],
    access: ['ADMIN'],
    request: { query: userListQuerySchema },
    response: { description: 'A page of users', schema: z.array(userSchema), isList: true },
    handle: ({ query, res }) => {
      const { filter } = query;
      const where: Prisma.UserWhereInput = {
        ...(filter.id !== undefined && { id: { in: filter.id } }),
        ...(filter.role !== undefined && { role: filter.role }),
        ...(filter.storeId !== undefined && { storeId: filter.storeId }),
        ...(filter.active !== undefined && { active: filter.active }),
        ...(filter.q !== undefined && {
          OR: [{ email: { contains: filter.q, mode: 'insensitive' } }, { name: { contains: filter.q, mode: 'insensitive' } }],
        }),
      };
      const page = pageFor(query.range, pageLimits);
      return sendPage(res, 'users', page, {
        rows: prisma.user.findMany({
          where,
          omit: hidePasswordHash,
          orderBy: toPrismaOrderBy(query.sort),
          skip: page.skip,
          take: page.take,
        }),
        total: prisma.user.count({ where }),
      });
    },
  });

  api.route({
    method: 'get',
    path: '/api/users/names',
    summary: 'Names of the people whose actions the caller sees (timelines, tasks, audit)',
    description:
      'Every signed-in user: head office gets everyone, store staff their own store and head office. Email, name, store and whether active only, so screens can say "Daan Bakker" where a workflow recorded daan.bakker@omni.example.',
    tags: ['users'],
    access: 'authenticated',
    response: { description: 'People by email and id', schema: z.array(userNameSchema) },
    handle: ({ actor }) =>
      prisma.user.findMany({
        where: actor.role === 'STORE_STAFF' ? { OR: [{ storeId: actor.storeId }, { storeId: null }] } : {},
        select: { id: true, email: true, name: true, storeId: true, active: true },
        orderBy: { email: 'asc' },
        take: pageLimits.maxPageSize,
      }),
  });

  api.route({
    method: 'get',
    path: '/api/users/:id',
    summary: 'One user (admin only)',
    tags: ['users'],
    access: ['ADMIN'],
    request: { params: idParamsSchema },
    response: { description: 'The user', schema: userSchema },
    otherResponses: [{ status: 404, description: 'No user with this id' }],
    handle: async ({ params }) => {
      const user = await prisma.user.findUnique({ where: { id: params.id }, omit: hidePasswordHash });
      if (user === null) throw new NotFoundError('User not found');
      return user;
    },
  });
}
