import { z } from 'zod';
import { NotFoundError } from '../../domain/errors';
import { type Prisma } from '../../prisma/client';
import { type ApiRouter } from '../http/api-router';
import { toPrismaOrderBy } from '../lists/list-query';
import { pageFor } from '../lists/pagination';
import { sendPage } from '../lists/send-page';
import { idParamsSchema } from '../openapi/common-schemas';
import { auditEventListQuerySchema, auditEventSchema } from './audit-events.validators';
import { type ResourceRouteDeps } from './route-deps';

/** Every sign-in is audited; in the log a person reads they drown the changes, so the UI hides them by default. */
const signInAction = 'auth.login';

export function registerAuditEventRoutes(api: ApiRouter, { prisma, pageLimits }: ResourceRouteDeps): void {
  api.route({
    method: 'get',
    path: '/api/audit-events',
    summary: 'The audit trail: who changed what, when (admin only)',
    tags: ['audit'],
    access: ['ADMIN'],
    request: { query: auditEventListQuerySchema },
    response: { description: 'A page of audit events', schema: z.array(auditEventSchema), isList: true },
    handle: ({ query, res }) => {
      const { filter } = query;
      const where: Prisma.AuditEventWhereInput = {
        ...(filter.id !== undefined && { id: { in: filter.id } }),
        ...(filter.action !== undefined && { action: filter.action }),
        ...(filter.hideSignIns === true && filter.action === undefined && { action: { not: signInAction } }),
        ...(filter.entityType !== undefined && { entityType: filter.entityType }),
        ...(filter.entityId !== undefined && { entityId: filter.entityId }),
        ...(filter.actorUserId !== undefined && { actorUserId: filter.actorUserId }),
        ...(filter.workflowId !== undefined && { workflowId: filter.workflowId }),
        ...(filter.requestId !== undefined && { requestId: filter.requestId }),
        ...((filter.createdAfter !== undefined || filter.createdBefore !== undefined) && {
          createdAt: {
            ...(filter.createdAfter !== undefined && { gte: new Date(filter.createdAfter) }),
            ...(filter.createdBefore !== undefined && { lt: new Date(filter.createdBefore) }),
          },
        }),
      };
      const page = pageFor(query.range, pageLimits);
      return sendPage(res, 'audit-events', page, {
        rows: prisma.auditEvent.findMany({ where, orderBy: toPrismaOrderBy(query.sort), skip: page.skip, take: page.take }),
        total: prisma.auditEvent.count({ where }),
      });
    },
  });

  api.route({
    method: 'get',
    path: '/api/audit-events/:id',
    summary: 'One audit event (admin only)',
    tags: ['audit'],
    access: ['ADMIN'],
    request: { params: idParamsSchema },
    response: { description: 'The audit event', schema: auditEventSchema },
    otherResponses: [{ status: 404, description: 'No audit event with this id' }],
    handle: async ({ params }) => {
      const event = await prisma.auditEvent.findUnique({ where: { id: params.id } });
      if (event === null) throw new NotFoundError('Audit event not found');
      return event;
    },
  });
}
