import { z } from 'zod';
import { throwIfNotAllowedToReassign, throwIfNotAllowedToUnclaim } from '../../../domain/tasks/task-claims';
import { ConflictError } from '../../../domain/errors';
import { boundedText } from '../../../domain/validation/text';
import { recordAudit } from '../../../db/audit/record-audit';
import { type ApiRouter } from '../../http/api-router';
import { idParamsSchema, idSchema } from '../../openapi/common-schemas';
import { type ResourceRouteDeps } from '../route-deps';
import { findAccessibleTask } from './task-access';
import { CODE_LOOKUP_MAX_CANDIDATES, LOOKUP_MAX_RESULTS, lookUpCounterTasks } from './task-lookup';
import { taskSchema } from './tasks.validators';

const taskLookupQuerySchema = z.strictObject({ q: boundedText({ min: 2, max: 100 }) });
const taskLookupResultSchema = taskSchema.extend({ matchedBy: z.enum(['code', 'order', 'customer']) }).meta({ id: 'TaskLookupResult' });

const reassignBodySchema = z.strictObject({ userId: idSchema }).meta({ id: 'ReassignTask' });
const notFound = { status: 404 as const, description: 'No task with this id' };
const conflict = { status: 409 as const, description: 'Not claimed, or closed meanwhile: the message says which' };

/**
 * The counter's lookup, and claims that can be undone: the claimer releases a task (back to OPEN), a store manager or an admin
 * releases anyone's or hands it to a colleague. Each change is one conditional UPDATE on the status the
 * check saw, so a completion or another claim in between makes it a 409 instead of being overwritten.
 */
export function registerTaskClaimRoutes(api: ApiRouter, { prisma }: ResourceRouteDeps): void {
  api.route({
    method: 'get',
    path: '/api/tasks/lookup',
    summary: 'Counter lookup: open tasks by order number, customer name or phone, or the pickup code shown',
    description: `Hand-overs first. A 4-8 digit query is also checked as a pickup code against the caller's ready orders (at most ${CODE_LOOKUP_MAX_CANDIDATES}); at most ${LOOKUP_MAX_RESULTS} rows.`,
    tags: ['tasks'],
    access: 'authenticated',
    request: { query: taskLookupQuerySchema },
    response: { description: 'Matching open tasks, each with what matched', schema: z.array(taskLookupResultSchema) },
    handle: ({ query, actor }) => lookUpCounterTasks(prisma, actor, query.q),
  });

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
