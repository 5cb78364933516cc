import { z } from 'zod';
import { boundedText } from '../../../domain/validation/text';
import { listQuerySchema } from '../../lists/list-query';

/**
 * Workflow runs as the admin UI lists them, read from Temporal's visibility store (not from our tables):
 * every run of every type, with the search attributes our workflows set (domain/search-attributes.json).
 */

/** Temporal's execution statuses as the SDK names them; the list filter takes the same names. */
export const workflowStatuses = ['RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED', 'TERMINATED', 'CONTINUED_AS_NEW', 'TIMED_OUT'] as const;
export type WorkflowStatus = (typeof workflowStatuses)[number];

/**
 * What may appear inside a visibility query literal. Values are checked rather than escaped: workflow
 * ids, types and business keys are built from these characters, and nothing else can break out of the
 * quotes of the query we build.
 */
export const visibilityLiteralPattern = /^[A-Za-z0-9:._-]{1,200}$/;
const visibilityLiteral = z.string().trim().regex(visibilityLiteralPattern, 'letters, digits and : . _ - only');

export const workflowIdParamsSchema = z.object({
  id: visibilityLiteral.meta({
    description: 'Workflow id (business key), e.g. `pickup:<orderId>`',
    example: 'pickup:0b5e3c1e-6c2f-4f7e-9a55-8f1f3c7a2d10',
  }),
});

export const workflowRowSchema = z
  .object({
    id: z.string().meta({ description: 'The workflow id' }),
    runId: z.string(),
    type: z.string().meta({ description: 'Workflow type, e.g. pickupOrder' }),
    domain: z.string().nullable().meta({ description: 'WorkflowDomain search attribute, e.g. pickup' }),
    businessKey: z.string().nullable(),
    storeCode: z.string().nullable(),
    status: z.enum([...workflowStatuses, 'UNSPECIFIED', 'PAUSED', 'UNKNOWN']),
    currentStep: z.string().nullable().meta({ description: 'CurrentStep search attribute, as the workflow last reported it' }),
    startTime: z.date(),
    closeTime: z.date().nullable(),
    taskQueue: z.string(),
    temporalUiUrl: z.url().meta({ description: 'This run in the Temporal Web UI' }),
    orderId: z.string().nullable().meta({ description: 'The order the run was started for (from the workflow-start outbox), if any' }),
    orderNumber: z.string().nullable().meta({ description: "That order's number on its channel" }),
    customerName: z.string().nullable().meta({ description: "That order's customer" }),
  })
  .meta({ id: 'WorkflowRun' });

export const openTaskSchema = z.object({ taskId: z.string(), type: z.string() });

export const timelineEntrySchema = z.object({
  step: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  actor: z.string().nullable(),
  outcome: z.string().nullable(),
});

export const workflowDetailSchema = workflowRowSchema
  .extend({
    historyLength: z.number().int(),
    /** From the workflow's own query when its type has one; more current than the search attribute. */
    timeline: z
      .object({
        currentStep: z.string(),
        openTask: openTaskSchema.nullable(),
        entries: z.array(timelineEntrySchema),
      })
      .nullable(),
    /** Why there is no timeline although the type has one (e.g. no worker answered in time). */
    timelineError: z.string().nullable(),
    steps: z
      .array(z.object({ name: z.string(), label: z.string(), cancellable: z.boolean() }))
      .meta({ description: 'Every step the workflow type reports (from its definition), in order; empty for unregistered types' }),
  })
  .meta({ id: 'WorkflowRunDetail' });

export type WorkflowRow = z.input<typeof workflowRowSchema>;
export type WorkflowDetail = z.input<typeof workflowDetailSchema>;

export const workflowListQuerySchema = listQuerySchema({
  // Temporal's SQL visibility stores (the dev server, PostgreSQL) list newest first and cannot sort.
  sortable: ['startTime'],
  defaultSort: { field: 'startTime', order: 'DESC' },
  filter: z.strictObject({
    status: z.enum(workflowStatuses).optional(),
    type: visibilityLiteral.optional().meta({ description: 'Workflow type, e.g. pickupOrder' }),
    domain: visibilityLiteral.optional().meta({ description: 'WorkflowDomain, e.g. pickup' }),
    q: visibilityLiteral.optional().meta({ description: 'Start of the workflow id or business key' }),
    order: boundedText({ min: 2, max: 100 })
      .optional()
      .meta({ description: "Runs of orders whose number starts with this, or whose customer's name contains it" }),
  }),
}).refine((query) => query.sort.order === 'DESC', { path: ['sort'], message: 'runs are listed newest first only (DESC)' });

export type WorkflowListFilter = z.output<typeof workflowListQuerySchema>['filter'];

export const cancelWorkflowBodySchema = z.object({ reason: boundedText({ min: 3, max: 500 }) }).meta({ id: 'CancelWorkflowRequest' });
