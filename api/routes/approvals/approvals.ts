import { z } from 'zod';
import { decideApproval } from '../../../db/approvals/decide-approval';
import { type Actor } from '../../../domain/auth/roles';
import { NotFoundError } from '../../../domain/errors';
import { type Prisma, type PrismaClient } from '../../../prisma/client';
import { type ApiRouter } from '../../http/api-router';
import { toPrismaOrderBy } from '../../lists/list-query';
import { pageFor } from '../../lists/pagination';
import { sendPage } from '../../lists/send-page';
import { idParamsSchema } from '../../openapi/common-schemas';
import { type OrderFulfilment } from '../../intake/order-fulfilment';
import { type ResourceRouteDeps } from '../route-deps';
import {
  approvalDetail,
  approvalView,
  mayDecideListed,
  mineToDecideWhere,
  subjectIdsEditedBy,
  visibleApprovalsWhere,
} from './approval-views';
import { approvalDetailSchema, approvalListQuerySchema, approvalSchema, approveBodySchema, rejectBodySchema } from './approvals.validators';

export interface ApprovalRouteDeps extends ResourceRouteDeps {
  /** Delivers the decision signal queued with the decision right after the answer (the relay otherwise). */
  fulfilment: Pick<OrderFulfilment, 'deliverInBackground'>;
}

const notFound = { status: 404 as const, description: 'No approval request with this id, or not one you may see' };
const decided = { status: 409 as const, description: 'Already decided or superseded' };

async function findVisibleApproval(prisma: PrismaClient, actor: Actor, id: string) {
  const row = await prisma.approvalRequest.findFirst({ where: { AND: [{ id }, visibleApprovalsWhere(actor)] } });
  if (row === null) throw new NotFoundError('Approval request not found');
  return row;
}

/**
 * The approvals inbox (four-eyes, docs/approvals.md): list, show with the subject's diff since the
 * request, approve, reject with a reason. A decision is written, queued for the waiting workflow (outbox)
 * and audited in one transaction; the requester, and anyone who edited the subject, get 403.
 */
export function registerApprovalRoutes(api: ApiRouter, { prisma, pageLimits, fulfilment }: ApprovalRouteDeps): void {
  api.route({
    method: 'get',
    path: '/api/approvals',
    summary: 'Approval requests: `filter={"mine":true}` for the ones you may decide now',
    tags: ['approvals'],
    access: 'authenticated',
    request: { query: approvalListQuerySchema },
    response: { description: 'A page of approval requests', schema: z.array(approvalSchema), isList: true },
    handle: async ({ query, actor, res }) => {
      const { filter } = query;
      const edited = await subjectIdsEditedBy(prisma, actor.userId);
      const where: Prisma.ApprovalRequestWhereInput = {
        AND: [
          visibleApprovalsWhere(actor),
          filter.mine === true ? mineToDecideWhere(actor, edited) : {},
          {
            ...(filter.id !== undefined && { id: { in: filter.id } }),
            ...(filter.status !== undefined && { status: { in: filter.status } }),
            ...(filter.subjectType !== undefined && { subjectType: filter.subjectType }),
            ...(filter.subjectId !== undefined && { subjectId: filter.subjectId }),
          },
        ],
      };
      const page = pageFor(query.range, pageLimits);
      const rows = prisma.approvalRequest
        .findMany({ where, orderBy: toPrismaOrderBy(query.sort), skip: page.skip, take: page.take })
        .then((found) => found.map((row) => approvalView(row, mayDecideListed(actor, row, edited))));
      return sendPage(res, 'approvals', page, { rows, total: prisma.approvalRequest.count({ where }) });
    },
  });

  api.route({
    method: 'get',
    path: '/api/approvals/:id',
    summary: 'One approval request, with its subject now and the diff since the request',
    tags: ['approvals'],
    access: 'authenticated',
    request: { params: idParamsSchema },
    response: { description: 'The request', schema: approvalDetailSchema },
    otherResponses: [notFound],
    handle: async ({ params, actor }) => approvalDetail(prisma, actor, await findVisibleApproval(prisma, actor, params.id)),
  });

  const decide =
    (outcome: 'APPROVED' | 'REJECTED') =>
    async ({ params, body, actor, requestId }: { params: { id: string }; body: { reason?: string }; actor: Actor; requestId: string }) => {
      await findVisibleApproval(prisma, actor, params.id);
      const row = await prisma.$transaction((tx) =>
        decideApproval(tx, actor, params.id, { outcome, reason: body.reason ?? null }, requestId),
      );
      if (row.workflowId !== null) fulfilment.deliverInBackground(row.workflowId);
      return approvalDetail(prisma, actor, row);
    };

  api.route({
    method: 'post',
    path: '/api/approvals/:id/approve',
    summary: 'Approve (not your own request, nor one whose subject you edited)',
    description: 'The decision reaches the waiting workflow through the workflow_starts outbox, committed with the decision.',
    tags: ['approvals'],
    access: 'authenticated',
    request: { params: idParamsSchema, body: approveBodySchema },
    response: { description: 'The decided request', schema: approvalDetailSchema },
    otherResponses: [notFound, decided],
    handle: decide('APPROVED'),
  });

  api.route({
    method: 'post',
    path: '/api/approvals/:id/reject',
    summary: 'Reject with a reason (not your own request, nor one whose subject you edited)',
    tags: ['approvals'],
    access: 'authenticated',
    request: { params: idParamsSchema, body: rejectBodySchema },
    response: { description: 'The decided request', schema: approvalDetailSchema },
    otherResponses: [notFound, decided],
    handle: decide('REJECTED'),
  });
}
