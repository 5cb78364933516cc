import { type Client, type WorkflowExecutionDescription, WorkflowNotFoundError } from '@temporalio/client';
import { z } from 'zod';
import { type Actor } from '../../../domain/auth/roles';
import { confinedStoreId } from '../../../domain/auth/store-access';
import { ConflictError, ForbiddenError, InvalidDataError, NotFoundError } from '../../../domain/errors';
import { type PrismaClient } from '../../../prisma/client';
import { recordAudit } from '../../../db/audit/record-audit';
import { withdrawPendingApprovals } from '../../../db/approvals/withdraw-approvals';
import { type ApiRouter } from '../../http/api-router';
import { type PageLimits, pageFor, setContentRange } from '../../lists/pagination';
import { type WorkflowRegistry } from '../../workflow-registry/workflow-registry';
import { visibilityQueryFor } from './visibility-query';
import { ordersOfRuns, workflowIdsOfOrdersMatching } from './workflow-run-orders';
import { cancelRun } from './workflow-cancellation';
import { readTimeline } from './workflow-timelines';
import { type TemporalUiLink, toWorkflowRow } from './workflow-views';
import {
  cancelWorkflowBodySchema,
  workflowDetailSchema,
  workflowIdParamsSchema,
  workflowListQuerySchema,
  workflowRowSchema,
  type WorkflowDetail,
} from './workflow-runs.validators';

export interface WorkflowRouteDeps {
  prisma: PrismaClient;
  /** The API's one Temporal client (api/temporal-client.ts). */
  client: Client;
  pageLimits: PageLimits;
  temporalUi: TemporalUiLink;
  /** Longest a request waits for a run to answer a query or finish its cancellation (TEMPORAL_CALL_TIMEOUT_MS). */
  temporalCallTimeoutMs: number;
  /** The workflow types this API knows (api/workflow-registry/registered-workflows.ts). */
  workflows: WorkflowRegistry;
}

export function registerWorkflowRoutes(
  api: ApiRouter,
  { prisma, client, pageLimits, temporalUi, temporalCallTimeoutMs, workflows }: WorkflowRouteDeps,
): void {
  /** Store staff see the runs of their own store only (the StoreCode search attribute). */
  async function confinedStoreCode(actor: Actor): Promise<string | null> {
    const storeId = confinedStoreId(actor);
    if (storeId === null) return null;
    const store = await prisma.store.findUnique({ where: { id: storeId }, select: { code: true } });
    if (store === null) throw new ForbiddenError('Your store no longer exists');
    return store.code;
  }

  async function describeRun(workflowId: string, actor: Actor): Promise<WorkflowExecutionDescription> {
    let description: WorkflowExecutionDescription;
    try {
      description = await client.workflow.getHandle(workflowId).describe();
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw new NotFoundError(`No workflow run ${workflowId}`);
      throw error;
    }
    const ownStoreCode = await confinedStoreCode(actor);
    if (ownStoreCode !== null && toWorkflowRow(description, temporalUi).storeCode !== ownStoreCode) {
      throw new ForbiddenError('You can only access your own store');
    }
    return description;
  }

  async function readRunDetail(workflowId: string, actor: Actor): Promise<WorkflowDetail> {
    const description = await describeRun(workflowId, actor);
    const row = toWorkflowRow(description, temporalUi);
    const timeline = await readTimeline({ client, workflows }, { workflowId, type: row.type }, temporalCallTimeoutMs);
    return {
      ...row,
      historyLength: description.historyLength,
      ...timeline,
      currentStep: timeline.timeline?.currentStep ?? row.currentStep,
      steps: [...(workflows.definitionOf(row.type)?.steps ?? [])].map((step) => ({ ...step, cancellable: step.cancellable ?? false })),
    };
  }

  api.route({
    method: 'get',
    path: '/api/workflows',
    summary: 'List workflow runs (Temporal visibility)',
    description: [
      'Every run on the Temporal namespace, newest first, filtered by status, type, WorkflowDomain and the start of the workflow id or business key, or by its order (number or customer, through the workflow-start outbox).',
      'Each row names the order it was started for, if any.',
      'Store staff see only runs whose StoreCode is their store.',
      'Paging is a bounded fetch: the API reads the first `range end + 1` runs from Temporal and returns the requested slice, so `range` may not reach past LIST_MAX_PAGE_SIZE rows; narrow the filter to go further back.',
    ].join(' '),
    tags: ['workflows'],
    access: 'authenticated',
    request: { query: workflowListQuerySchema },
    response: { description: 'A page of runs', schema: z.array(workflowRowSchema), isList: true },
    handle: async ({ query, actor, res }) => {
      const page = pageFor(query.range, pageLimits);
      const rowsToRead = page.skip + page.take;
      if (rowsToRead > pageLimits.maxPageSize) {
        throw new InvalidDataError('The list only reaches back a bounded number of runs', {
          range: `the range may not end past row ${pageLimits.maxPageSize - 1}; narrow the filter instead`,
        });
      }
      const { order: orderSearch, ...filter } = query.filter;
      const workflowIds =
        orderSearch === undefined ? undefined : await workflowIdsOfOrdersMatching(prisma, orderSearch, pageLimits.maxPageSize);
      const visibilityQuery = visibilityQueryFor(filter, await confinedStoreCode(actor), workflowIds);
      const listed = [];
      // Visibility answers in pages of pageSize; stop as soon as the requested slice is complete.
      for await (const info of client.workflow.list({ query: visibilityQuery, pageSize: rowsToRead })) {
        listed.push(info);
        if (listed.length >= rowsToRead) break;
      }
      const { count } = await client.workflow.count(visibilityQuery);
      const runs = listed.slice(page.skip).map((info) => toWorkflowRow(info, temporalUi));
      const orders = await ordersOfRuns(
        prisma,
        runs.map((run) => run.id),
      );
      const rows = runs.map((run) => ({ ...run, ...orders.get(run.id) }));
      setContentRange(res, 'workflows', page, rows.length, Math.max(count, listed.length));
      return rows;
    },
  });

  api.route({
    method: 'get',
    path: '/api/workflows/:id',
    summary: 'One workflow run: status, current step and, for types that keep one, the step timeline',
    tags: ['workflows'],
    access: 'authenticated',
    request: { params: workflowIdParamsSchema },
    response: { description: 'The run', schema: workflowDetailSchema },
    otherResponses: [{ status: 404, description: 'No run with this workflow id' }],
    handle: ({ params, actor }) => readRunDetail(params.id, actor),
  });

  api.route({
    method: 'post',
    path: '/api/workflows/:id/cancel',
    summary: 'Cancel a running workflow',
    description: [
      'Admins only; the reason is kept in the audit log.',
      'A workflow type whose definition names a cancel Update (a pickup: cancelPickup) is cancelled as the business process it is (stock released, money refunded, customer told); other types get Temporal’s cancel.',
      'Answers the run once it closed, or still RUNNING when its cancellation takes longer than the API waits.',
    ].join(' '),
    tags: ['workflows'],
    access: ['ADMIN'],
    request: { params: workflowIdParamsSchema, body: cancelWorkflowBodySchema },
    response: { description: 'The run after the cancellation', schema: workflowDetailSchema },
    otherResponses: [
      { status: 404, description: 'No run with this workflow id' },
      { status: 409, description: 'The run has already closed, or refuses (e.g. a pickup already handed over)' },
    ],
    handle: async ({ params, body, actor, requestId }) => {
      const before = toWorkflowRow(await describeRun(params.id, actor), temporalUi);
      if (before.status !== 'RUNNING') throw new ConflictError(`The run has already closed (${before.status})`);
      const cancellation = await cancelRun(
        { client, workflows },
        { workflowId: params.id, type: before.type, reason: body.reason, actor: { userId: actor.userId, label: actor.email } },
        temporalCallTimeoutMs,
      );
      const after = await readRunDetail(params.id, actor);
      await prisma.$transaction(async (tx) => {
        await recordAudit(tx, {
          actor,
          action: 'workflow.cancel',
          entityType: 'Workflow',
          entityId: params.id,
          before: { status: before.status, currentStep: before.currentStep },
          after: { status: after.status, currentStep: after.currentStep, reason: body.reason },
          workflowId: params.id,
          requestId,
        });
        // A cancelled run waits for no decision: what it asked approvers for is withdrawn.
        if (cancellation === 'CANCELLED')
          await withdrawPendingApprovals(tx, { workflowId: params.id }, { actor, reason: body.reason, requestId });
      });
      return after;
    },
  });
}
