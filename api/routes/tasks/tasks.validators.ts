import { z } from 'zod';
import { boundedText } from '../../../domain/validation/text';
import { TaskQueue, TaskStatus, TaskType } from '../../../prisma/client';
import { idFilterSchema, listQuerySchema } from '../../lists/list-query';
import { idSchema } from '../../openapi/common-schemas';
import { type TaskOutcomeRegistration } from '../../workflow-registry/task-outcome-registration';

export const taskSchema = z
  .object({
    id: idSchema,
    type: z.enum(TaskType),
    queue: z.enum(TaskQueue),
    status: z.enum(TaskStatus),
    title: z.string(),
    storeId: idSchema.nullable(),
    workflowId: z.string(),
    assigneeUserId: idSchema.nullable(),
    payload: z.unknown().meta({ description: 'What the task is about (order lines to pick, customer name...)' }),
    outcome: z.unknown().nullable(),
    dueAt: z.date().nullable(),
    completedAt: z.date().nullable(),
    completedByUserId: idSchema.nullable(),
    failedAttempts: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Task' });

const oneOrMany = <T extends z.ZodType>(schema: T) =>
  z.union([schema, z.array(schema).max(20)]).transform((value) => (Array.isArray(value) ? value : [value]));

export const taskListQuerySchema = listQuerySchema({
  sortable: ['dueAt', 'createdAt', 'status', 'type', 'queue'],
  defaultSort: { field: 'dueAt', order: 'ASC' },
  filter: z.strictObject({
    id: idFilterSchema.optional(),
    status: oneOrMany(z.enum(TaskStatus)).optional(),
    type: oneOrMany(z.enum(TaskType)).optional(),
    queue: oneOrMany(z.enum(TaskQueue)).optional(),
    storeId: idFilterSchema.optional(),
    workflowId: boundedText({ max: 255 }).optional(),
    assigned: z.enum(['mine', 'unassigned']).optional().meta({ description: 'mine: claimed by the caller; unassigned: claimed by nobody' }),
  }),
});

/**
 * Any of the registered task types' outcome bodies (the OpenAPI document lists them). Only an object is
 * required here: the route checks the body against the schema of the task's own type, whose errors name
 * the field (`lines.0.lineId`), where a union of every type's body could only say "Invalid input".
 */
export function completeTaskBodySchemaOf(registrations: readonly TaskOutcomeRegistration[]) {
  const bodies = registrations.map((registration) => registration.bodySchema);
  const description = registrations.map((registration) => registration.taskType).join(', ');
  const anyObject = z.looseObject({}).meta({ description: "checked against the task type's own outcome body" });
  return z.union([...bodies, anyObject]).meta({
    id: 'CompleteTask',
    description: `The outcome body of the task's type (one of: ${description})`,
  });
}
