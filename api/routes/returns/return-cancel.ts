import { type Client } from '@temporalio/client';
import { z } from 'zod';
import { recordAudit } from '../../../db/audit/record-audit';
import { type Actor } from '../../../domain/auth/roles';
import { confinedStoreId } from '../../../domain/auth/store-access';
import { ConflictError, NotFoundError } from '../../../domain/errors';
import { returnWorkflow } from '../../../domain/returns/return-definition';
import { returnWorkflowId } from '../../../domain/returns/return-keys';
import { boundedText } from '../../../domain/validation/text';
import { type PrismaClient } from '../../../prisma/client';
import { type ApiRouter } from '../../http/api-router';
import { idParamsSchema } from '../../openapi/common-schemas';
import { type WorkflowRegistry } from '../../workflow-registry/workflow-registry';
import { cancelRun } from '../workflow-runs/workflow-cancellation';
import { returnInclude, returnView } from './return-views';
import { returnSchema } from './returns.validators';

export interface ReturnCancelDeps {
  prisma: PrismaClient;
  client: Client;
  workflows: WorkflowRegistry;
  temporalCallTimeoutMs: number;
}

const cancelReturnBodySchema = z.strictObject({ reason: boundedText({ max: 500 }) }).meta({ id: 'CancelReturn' });

/**
 * The customer changed their mind before the refund: the receiving store's staff (or ops, admins) cancel
 * the return through its workflow's cancel Update, which undoes in reverse; audited with the reason.
 * 409 once the refund has started or the return is closed.
 */
export function registerReturnCancelRoute(api: ApiRouter, deps: ReturnCancelDeps): void {
  api.route({
    method: 'post',
    path: '/api/returns/:id/cancel',
    summary: 'Cancel a return before its refund',
    tags: ['returns'],
    access: ['ADMIN', 'OPS_LEAD', 'STORE_STAFF'],
    request: { params: idParamsSchema, body: cancelReturnBodySchema },
    response: { description: 'The return after the cancellation', schema: returnSchema },
    otherResponses: [
      { status: 404, description: 'No return with this id (or not at your store)' },
      { status: 409, description: 'The refund has started, or the return is closed' },
    ],
    handle: async ({ params, body, actor, requestId }) => {
      const before = await findOwnReturn(deps.prisma, actor, params.id);
      if (before.status === 'CLOSED' || before.status === 'CANCELLED' || before.status === 'REJECTED')
        throw new ConflictError(`The return is already ${before.status.toLowerCase()}`);
      const workflowId = returnWorkflowId(params.id);
      await cancelRun(
        deps,
        { workflowId, type: returnWorkflow.type, reason: body.reason, actor: { userId: actor.userId, label: actor.email } },
        deps.temporalCallTimeoutMs,
      );
      await deps.prisma.$transaction((tx) =>
        recordAudit(tx, {
          actor,
          action: 'return.cancel',
          entityType: 'Return',
          entityId: params.id,
          before: { status: before.status },
          after: { reason: body.reason },
          workflowId,
          requestId,
        }),
      );
      return returnView(await findOwnReturn(deps.prisma, actor, params.id));
    },
  });
}

async function findOwnReturn(prisma: PrismaClient, actor: Actor, id: string) {
  const row = await prisma.return.findUnique({ where: { id }, include: returnInclude });
  if (row === null || (confinedStoreId(actor) !== null && row.receivedAtStoreId !== confinedStoreId(actor)))
    throw new NotFoundError('Return not found');
  return row;
}
