import { type z } from 'zod';
import { type TaskOutcomeBase } from '../../domain/workflow-kit/task-outcome';
import { type PrismaClient } from '../../prisma/client';

/** The task as the API has it when a person completes it. */
export interface CompletedTask {
  id: string;
  type: string;
  payload: unknown;
}

/**
 * How a person completes one task type: the body they send (validated, its schema in the OpenAPI
 * document) and the outcome the waiting workflow receives. Registered by the task type's domain next
 * to its workflow's registry line; the API's task completion looks it up and has no switch on types.
 */
export interface TaskOutcomeRegistration<Body = unknown> {
  taskType: string;
  bodySchema: z.ZodType<Body>;
  /** May read what the outcome needs (e.g. a stored hash to check a code against): never forward secrets. */
  toOutcome: (body: Body, task: CompletedTask, deps: { prisma: PrismaClient }) => TaskOutcomeBase | Promise<TaskOutcomeBase>;
}

/** Keeps `Body` tied to its schema inside a list of registrations of different types. */
export function taskOutcome<Body>(registration: TaskOutcomeRegistration<Body>): TaskOutcomeRegistration {
  return registration as TaskOutcomeRegistration;
}
