import { z } from 'zod';
import { throwIfNotAllowedToReassign, throwIfNotAllowedToUnclaim } from '../../../domain/tasks/task-claims';
import { ConflictError } from '../../../domain/errors';
import { recordAudit } from '../../audit/record-audit';
import { type ApiRouter } from '../../http/api-router';
import { idParamsSchema, idSchema } from '../../openapi/common-schemas';
import { type ResourceRouteDeps } from '../route-deps';
import { findAccessibleTask } from './task-access';
import { taskSchema } from './tasks.validators';

const reassignBodySchema = z.strictObject({ userId: idSchema }).meta({ id: 'ReassignTask' });
const notFound = { status: 404 as const, description: 'No task with this id' };
const conflict = { status: 409 as const, description: 'Not claimed, or closed meanwhile: the message says which' };

/**
 * Claims that can be undone: the claimer releases a task (back to OPEN), a store manager or an admin
 * releases anyone's or hands it to a colleague. Each change is one conditional UPDATE on the status the
 * check saw, so a completion or another claim in between makes it a 409 instead of being overwritten.
 */
export function registerTaskClaimRoutes(api: ApiRouter, { prisma }: ResourceRouteDeps): void {
  api.route({
    method: 'post',
    path: '/api/tasks/:id/unclaim',
    summary: 'Give a claimed task back to the queue (the claimer, a manager of its store, or an admin)',
    tags: ['tasks'],
    access: 'authenticated',
    request: { params: idParamsSchema },
    response: { description: 'The task, OPEN again', schema: taskSchema },
    otherResponses: [notFound, conflict],
    handle: async ({ params, actor, requestId }) => {
      const task = await findAccessibleTask(prisma, actor, params.id);
      throwIfNotAllowedToUnclaim(actor, task);
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.task.updateMany({
          where: { id: task.id, status: 'CLAIMED', assigneeUserId: task.assigneeUserId },
          data: { status: 'OPEN', assigneeUserId: null },
        });
        if (count === 0) throw new ConflictError('The task changed meanwhile: reload it');
        await recordAudit(tx, {
          actor,
          action: 'task.unclaim',
          entityType: 'Task',
          entityId: task.id,
          before: { status: task.status, assigneeUserId: task.assigneeUserId },
          after: { status: 'OPEN', assigneeUserId: null },
          workflowId: task.workflowId,
          requestId,
        });
        return tx.task.findUniqueOrThrow({ where: { id: task.id } });
      });
    },
  });

  api.route({
    method: 'post',
    path: '/api/tasks/:id/reassign',
    summary: 'Hand a task to a colleague of its store (a manager of the store, or an admin)',
    tags: ['tasks'],
    access: 'authenticated',
    request: { params: idParamsSchema, body: reassignBodySchema },
    response: { description: 'The task, claimed by the colleague', schema: taskSchema },
    otherResponses: [notFound, conflict],
    handle: async ({ params, body, actor, requestId }) => {
      const task = await findAccessibleTask(prisma, actor, params.id);
      const assignee = await prisma.user.findUnique({ where: { id: body.userId }, select: { active: true, role: true, storeId: true } });
      throwIfNotAllowedToReassign(actor, task, assignee);
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.task.updateMany({
          where: { id: task.id, status: task.status, assigneeUserId: task.assigneeUserId },
          data: { status: 'CLAIMED', assigneeUserId: body.userId },
        });
        if (count === 0) throw new ConflictError('The task changed meanwhile: reload it');
        await recordAudit(tx, {
          actor,
          action: 'task.reassign',
          entityType: 'Task',
          entityId: task.id,
          before: { status: task.status, assigneeUserId: task.assigneeUserId },
          after: { status: 'CLAIMED', assigneeUserId: body.userId },
          workflowId: task.workflowId,
          requestId,
        });
        return tx.task.findUniqueOrThrow({ where: { id: task.id } });
      });
    },
  });
}
