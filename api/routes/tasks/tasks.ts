import { type Client } from '@temporalio/client';
import { z } from 'zod';
import { storeFilterFor } from '../../../domain/auth/store-access';
import { ConflictError } from '../../../domain/errors';
import { throwIfClaimedBySomeoneElse } from '../../../domain/tasks/task-claims';
import { throwIfNotAllowedToUnlockTask, throwIfNotAllowedToWorkOnTask } from '../../../domain/tasks/task-permissions';
import { type Prisma } from '../../../prisma/client';
import { unlockTaskUpdate } from '../../../domain/workflow-kit/task-messages';
import { recordAudit } from '../../../db/audit/record-audit';
import { type ApiRouter } from '../../http/api-router';
import { toPrismaOrderBy } from '../../lists/list-query';
import { pageFor } from '../../lists/pagination';
import { sendPage } from '../../lists/send-page';
import { idParamsSchema } from '../../openapi/common-schemas';
import { executeUpdateAcceptedWithin } from '../../http/accepted-update';
import { withWorkflowRefusals } from '../../http/workflow-refusals';
import { type WorkflowRegistry } from '../../workflow-registry/workflow-registry';
import { type ResourceRouteDeps } from '../route-deps';
import { findAccessibleTask } from './task-access';
import { completeTask } from './task-completion';
import { completeTaskBodySchemaOf, taskListQuerySchema, taskSchema } from './tasks.validators';

export interface TaskRouteDeps extends ResourceRouteDeps {
  client: Client;
  workflows: WorkflowRegistry;
  /** TEMPORAL_UPDATE_ACCEPT_TIMEOUT_MS: how long a completion or unlock waits for the run to take it. */
  updateAcceptTimeoutMs: number;
}

/** On every route that claims or completes: the generic 403 description only says "outside your store". */
const managerQueueNote = 'A task escalated to the MANAGER queue is for the managers of its store and admins only; anyone else gets 403.';
const conflict = { status: 409 as const, description: 'Done already, out of turn, locked or closed: the message says which' };
const notFound = { status: 404 as const, description: 'No task with this id' };

/**
 * The store task inbox. Completing and unlocking go to the workflow that waits for the task (a Temporal
 * Update that validates and answers); the API checks role and store first, and audits what people do.
 */
export function registerTaskRoutes(api: ApiRouter, { prisma, pageLimits, client, workflows, updateAcceptTimeoutMs }: TaskRouteDeps): void {
  api.route({
    method: 'get',
    path: '/api/tasks',
    summary: 'Task inbox (store staff: their own store only)',
    tags: ['tasks'],
    access: 'authenticated',
    request: { query: taskListQuerySchema },
    response: { description: 'A page of tasks', schema: z.array(taskSchema), isList: true },
    handle: ({ query, actor, res }) => {
      const { filter } = query;
      const storeIds = storeFilterFor(actor, filter.storeId);
      const where: Prisma.TaskWhereInput = {
        ...(storeIds !== undefined && { storeId: { in: [...storeIds] } }),
        ...(filter.id !== undefined && { id: { in: filter.id } }),
        ...(filter.status !== undefined && { status: { in: filter.status } }),
        ...(filter.type !== undefined && { type: { in: filter.type } }),
        ...(filter.queue !== undefined && { queue: { in: filter.queue } }),
        ...(filter.workflowId !== undefined && { workflowId: filter.workflowId }),
        ...(filter.assigned !== undefined && { assigneeUserId: filter.assigned === 'mine' ? actor.userId : null }),
      };
      const page = pageFor(query.range, pageLimits);
      return sendPage(res, 'tasks', page, {
        rows: prisma.task.findMany({ where, orderBy: toPrismaOrderBy(query.sort), skip: page.skip, take: page.take }),
        total: prisma.task.count({ where }),
      });
    },
  });

  api.route({
    method: 'get',
    path: '/api/tasks/:id',
    summary: 'One task',
    tags: ['tasks'],
    access: 'authenticated',
    request: { params: idParamsSchema },
    response: { description: 'The task', schema: taskSchema },
    otherResponses: [notFound],
    handle: ({ params, actor }) => findAccessibleTask(prisma, actor, params.id),
  });

  api.route({
    method: 'post',
    path: '/api/tasks/:id/claim',
    summary: 'Take an open task, so colleagues see someone is on it',
    description: managerQueueNote,
    tags: ['tasks'],
    access: 'authenticated',
    request: { params: idParamsSchema },
    response: { description: 'The claimed task', schema: taskSchema },
    otherResponses: [notFound, conflict],
    handle: async ({ params, actor, requestId }) => {
      const task = await findAccessibleTask(prisma, actor, params.id);
      throwIfNotAllowedToWorkOnTask(actor, task);
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.task.updateMany({
          where: { id: task.id, status: 'OPEN' },
          data: { status: 'CLAIMED', assigneeUserId: actor.userId },
        });
        const after = await tx.task.findUniqueOrThrow({ where: { id: task.id } });
        if (count === 0 && !(after.status === 'CLAIMED' && after.assigneeUserId === actor.userId)) {
          throw new ConflictError(
            after.status === 'CLAIMED' ? 'Someone else has already claimed this task' : `This task is ${after.status.toLowerCase()}`,
          );
        }
        await recordAudit(tx, {
          actor,
          action: 'task.claim',
          entityType: 'Task',
          entityId: task.id,
          before: { status: task.status },
          after: { status: after.status },
          workflowId: task.workflowId,
          requestId,
        });
        return after;
      });
    },
  });

  api.route({
    method: 'post',
    path: '/api/tasks/:id/complete',
    summary: 'Complete a task with its outcome (pick quantities, pickup code, customer decision)',
    description: `Forwarded to the waiting workflow. A wrong pickup code is a 400 on \`code\`; the last allowed one locks the task (409). ${managerQueueNote}`,
    tags: ['tasks'],
    access: 'authenticated',
    request: { params: idParamsSchema, body: completeTaskBodySchemaOf(workflows.taskOutcomes) },
    response: { description: 'The completed task', schema: taskSchema },
    otherResponses: [notFound, conflict],
    handle: async ({ params, actor, req, requestId }) => {
      const task = await findAccessibleTask(prisma, actor, params.id);
      throwIfNotAllowedToWorkOnTask(actor, task);
      throwIfClaimedBySomeoneElse(actor, task);
      // The workflow's recordTaskCompletion activity audits the completion in the transaction that makes it.
      await completeTask({ prisma, client, workflows, acceptTimeoutMs: updateAcceptTimeoutMs }, actor, task, req.body, requestId);
      return prisma.task.findUniqueOrThrow({ where: { id: task.id } });
    },
  });

  api.route({
    method: 'post',
    path: '/api/tasks/:id/unlock',
    summary: 'Unlock a hand-over locked by wrong codes (store manager or admin)',
    tags: ['tasks'],
    access: ['ADMIN', 'STORE_STAFF'],
    request: { params: idParamsSchema },
    response: { description: 'The unlocked task', schema: taskSchema },
    otherResponses: [notFound, conflict],
    handle: async ({ params, actor, requestId }) => {
      const task = await findAccessibleTask(prisma, actor, params.id);
      throwIfNotAllowedToUnlockTask(actor, task);
      if (task.status !== 'LOCKED') throw new ConflictError('This task is not locked');
      // The workflow's setTaskAttempts activity audits the unlock in the transaction that makes it.
      await withWorkflowRefusals(() =>
        executeUpdateAcceptedWithin(
          client,
          task.workflowId,
          unlockTaskUpdate,
          [{ taskId: task.id, actor: { userId: actor.userId, label: actor.email }, requestId }],
          updateAcceptTimeoutMs,
        ),
      );
      return prisma.task.findUniqueOrThrow({ where: { id: task.id } });
    },
  });
}
